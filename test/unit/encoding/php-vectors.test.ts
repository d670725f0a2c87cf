// Fixed vectors made by PHP itself (test/fixtures/php/make-vectors.php -> vectors.json).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePhpQuery } from '#shared/wire/php-parse'
import { httpBuildQuery } from '#shared/wire/php-query'
import type { PhpArray, PhpValue } from '#shared/wire/php-value'
import { requestHash, responseHash, signedBody } from '#shared/wire/signature'
import { parseOrderedJson, toPairs } from './php-json'

interface BuildVector {
  name: string
  login: string
  secret: string
  query: string
  hash: string
  body: string
  rebuilt: string
}
interface ParseVector {
  name: string
  body: string
  pairs: unknown[]
  rebuilt: string
}
interface ResponseVector {
  code: number | string
  text: string
  secret: string
  hash: string
}
interface VectorFile {
  php: string
  build: BuildVector[]
  parse: ParseVector[]
  response: ResponseVector[]
}

const text = readFileSync(new URL('../../fixtures/php/vectors.json', import.meta.url), 'utf8')
const vectors = JSON.parse(text) as VectorFile
// The inputs again, read in PHP's key order (JSON.parse moves integer-like keys to the front).
const ordered = parseOrderedJson(text) as Map<string, PhpValue>
const inputs = (ordered.get('build') as Array<Map<string, PhpValue>>).map((vector) => vector.get('input') as PhpArray)

function buildVector(name: string): BuildVector {
  const vector = vectors.build.find((candidate) => candidate.name === name)
  if (!vector) throw new Error(`no build vector named ${name}`)
  return vector
}

describe('PHP vectors', () => {
  it('has enough vectors, made by PHP 8', () => {
    expect(vectors.php).toMatch(/^8\./)
    expect(vectors.build.length).toBeGreaterThanOrEqual(25)
    expect(inputs).toHaveLength(vectors.build.length)
  })

  it('reproduces the worked vectors of the API research notes', () => {
    expect(buildVector('official-sample').hash).toBe('e1bf174b1f0be55f8fe4c447dde8bb7e')
    expect(buildVector('get-order-details').hash).toBe('01b56970e1b2077106671065067ef2d4')
    expect(buildVector('research-edge-cases').hash).toBe('99fed9a0c996d7de58389198e0a3d63a')
  })

  describe.each(vectors.build.map((vector, index) => ({ ...vector, index })))('build: $name', (vector) => {
    const input = inputs[vector.index]

    it('builds the same query and signature as PHP', () => {
      const query = httpBuildQuery(input)
      expect(query).toBe(vector.query)
      expect(requestHash(query, vector.login, vector.secret)).toBe(vector.hash)
    })

    it('signs the same body PHP sends', () => {
      expect(signedBody(input, vector.login, vector.secret)).toEqual({ query: vector.query, hash: vector.hash, body: vector.body })
    })

    it('parses and rebuilds the query as a PHP server would', () => {
      expect(httpBuildQuery(parsePhpQuery(vector.query))).toBe(vector.rebuilt)
    })
  })

  it('encodes flat bracket keys to the same bytes as nested arrays', () => {
    expect(buildVector('utm-group-flat-keys').query).toBe(buildVector('utm-group-nested').query)
  })

  describe.each(vectors.parse)('parse: $name', (vector) => {
    it('fills $_POST as PHP does', () => {
      const parsed = parsePhpQuery(vector.body)
      expect(toPairs(parsed)).toEqual(vector.pairs)
      expect(httpBuildQuery(parsed)).toBe(vector.rebuilt)
    })
  })

  it.each(vectors.response)('response hash of $code "$text"', (vector) => {
    expect(responseHash(vector.code, vector.text, vector.secret)).toBe(vector.hash)
  })
})
