// Issue 11, "Done when": each tool's export gives the right orders in the app too, not only in
// the CLI. Every fixture is loaded through the app service, given what the CLI cases give on the
// command line (the time zone, a constant product), and each order's preview must hold exactly
// the request body the CLI sends for it (source-exports-cases.ts): rows, goods, amounts and
// bill_created.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Mapping } from '#shared/mapping/mapping'
import { CASES, decode, withBacklog, type SourceCase } from '../source-exports-cases'
import { useTestApp } from './helpers'

const app = useTestApp()
const bytes = (file: string) => new Uint8Array(readFileSync(resolve('test/fixtures/exports', file)))


/** What the case's CLI arguments do, done as the Map step does it: the zone picker, and a
 * constant typed in for a field (`--map good_name==VALUE`). */
function applyArgs(mapping: Mapping, args: readonly string[]): Mapping {
  let next: Mapping = { ...mapping, defaults: { ...mapping.defaults }, fields: { ...mapping.fields }, goods: [...mapping.goods] }
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1] ?? '']
    if (flag === '--time-zone') next = { ...next, defaults: { ...next.defaults, timeZone: value } }
    else if (flag === '--map' && value.startsWith('good_name==')) {
      const [first, ...rest] = next.goods
      next.goods = [{ ...first!, name: { source: { kind: 'constant', value: value.slice('good_name=='.length) } } }, ...rest]
    } else throw new Error(`the app test does not know ${flag} ${value}`)
  }
  return next
}

describe('files from other tools in the app: the same orders as the CLI', () => {
  it.each(CASES)('$file: recognized as $source, and each order previews the exact body', async (c: SourceCase) => {
    const loaded = await app.ok('sheet.load', { name: c.file, bytes: bytes(c.file) })
    expect(loaded.source?.name).toBe(c.source)
    const set = await app.ok('mapping.set', { sessionId: loaded.sessionId, mapping: applyArgs(loaded.mapping, c.args) })
    expect(set.counts).toMatchObject({ orders: c.orders.length, validOrders: c.orders.length, errors: 0 })
    const expected = withBacklog(c.orders)
    for (const [index, order] of expected.entries()) {
      const preview = await app.ok('mapping.previewOrder', { sessionId: loaded.sessionId, order: index + 1 })
      expect(preview.issues.filter((issue) => issue.severity === 'error')).toEqual([])
      expect(preview.order.rows).toEqual(order.rows)
      expect(decode(preview.body)).toEqual(order.body)
      // The API's key order (goods first), as the CLI test checks it.
      expect(Object.keys(decode(preview.body))).toEqual(Object.keys(order.body))
    }
  })
})
