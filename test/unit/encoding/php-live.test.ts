// Live cross-check against the php binary: a few hundred seeded random cases per direction, all
// answered by one PHP process. Skipped when php is not on PATH (CI installs php-cli).
import { beforeAll, describe, expect, it } from 'vitest'
import { createOrderQuery } from '#shared/wire/create-order-params'
import { parsePhpQuery } from '#shared/wire/php-parse'
import { httpBuildQuery } from '#shared/wire/php-query'
import { requestHash } from '#shared/wire/signature'
import { runPhpTests } from '../../helpers/php'
import { askPhp } from './php-process'
import { toPairs, toPhpJson } from './php-json'
import { randomArray, randomBody, randomDraft, randomText, seededRandom } from './random-data'

const CASES = 300

interface BuildAnswer {
  query: string
  hash: string
}
interface ParseAnswer {
  rebuilt: string
  pairs: unknown[]
}

const random = seededRandom(20261128)
const builds = Array.from({ length: CASES }, () => ({ input: randomArray(random), login: randomText(random, 3), secret: randomText(random, 6) }))
const bodies = Array.from({ length: CASES }, () => randomBody(random))
const ownQueries = Array.from({ length: CASES }, () => httpBuildQuery(randomArray(random)))
const orderQueries = Array.from({ length: 100 }, (_, index) => createOrderQuery(randomDraft(random, index + 1)))
const parseCases = [...bodies, ...ownQueries, ...orderQueries]

/** Mismatches listed with their input, so a failure names the exact case to replay. */
function mismatches<T>(cases: readonly T[], check: (item: T, index: number) => string | null): string[] {
  return cases.map(check).filter((problem): problem is string => problem !== null)
}

describe.skipIf(!runPhpTests)('live cross-check with php', () => {
  let built: BuildAnswer[] = []
  let parsed: ParseAnswer[] = []

  beforeAll(() => {
    const answers = askPhp([
      ...builds.map(({ input, login, secret }) => `{"build":${toPhpJson(input)},"login":${JSON.stringify(login)},"secret":${JSON.stringify(secret)}}`),
      ...parseCases.map((body) => JSON.stringify({ parse: body }))
    ])
    built = answers.slice(0, builds.length) as BuildAnswer[]
    parsed = answers.slice(builds.length) as ParseAnswer[]
  })

  it('builds the same query and md5 signature as http_build_query for random data', () => {
    const problems = mismatches(builds, ({ input, login, secret }, index) => {
      const query = httpBuildQuery(input)
      const hash = requestHash(query, login, secret)
      const php = built[index]
      return query === php.query && hash === php.hash ? null : `${toPhpJson(input)}\n  ours ${query} ${hash}\n  php  ${php.query} ${php.hash}`
    })
    expect(problems).toEqual([])
  })

  it('parses random form bodies into what parse_str gives, and rebuilds them byte for byte', () => {
    const problems = mismatches(parseCases, (body, index) => {
      const ours = parsePhpQuery(body)
      const php = parsed[index]
      const same = httpBuildQuery(ours) === php.rebuilt && JSON.stringify(toPairs(ours)) === JSON.stringify(php.pairs)
      return same ? null : `${JSON.stringify(body)}\n  ours ${JSON.stringify(toPairs(ours))}\n  php  ${JSON.stringify(php.pairs)}`
    })
    expect(problems).toEqual([])
  })

  it('sends CreateOrder queries that a PHP server rebuilds to the very bytes that were signed', () => {
    const offset = bodies.length + ownQueries.length
    const problems = mismatches(orderQueries, (query, index) => (parsed[offset + index].rebuilt === query ? null : query))
    expect(problems).toEqual([])
  })
})
