import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readAnswer } from '../../../electron/main/api/answer-reader'

const SECRET = 'secret'
const context = { what: 'CreateOrder', host: 'demo.influencersoft.com', secret: SECRET }
const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex')

function ok(body: string, status = 200): ReturnType<typeof readAnswer> {
  return readAnswer({ status, location: null, body }, context)
}

describe('readAnswer', () => {
  it('checks the documented response hash vector (api-research.md §7.3, 4)', () => {
    const outcome = ok('{"error_code":0,"error_text":"ok","result":{"bill_id":1},"hash":"666e1ca317de3bef8a510ced6f815a9d"}')
    expect(outcome).toMatchObject({ kind: 'answer', errorCode: 0, hashValid: true })
  })

  it('accepts an upper-case hash, a byte order mark and a non-ASCII text', () => {
    const text = 'заказ создан'
    const body = `\uFEFF{"error_code":0,"error_text":"${text}","hash":"${md5(`0::${text}::${SECRET}`).toUpperCase()}"}`
    expect(ok(body)).toMatchObject({ kind: 'answer', errorText: text, hashValid: true })
  })

  it('hashes a digit-string code as received', () => {
    const body = JSON.stringify({ error_code: '0600', error_text: 'wrong email', hash: md5(`0600::wrong email::${SECRET}`) })
    expect(ok(body)).toMatchObject({ kind: 'answer', errorCode: 600, hashValid: true })
  })

  // Issue 8: only a correctly signed answer counts, for every code. An unsigned or wrongly
  // signed answer of any code is unknown (maybe created), keeping what it claimed.
  const codes: Array<[number, string]> = [
    [0, 'ok'],
    [601, 'order already exist. his number send in result array.'],
    [8, 'request limit exceeded'],
    [4, 'incorrect hash'],
    [1, 'not transferred hash'],
    [600, 'wrong email'],
    [602, 'error creating order'],
    [604, 'product not exist'],
    [400, 'order not found'],
    [777, 'something new']
  ]
  it.each(codes)('code %i without a signature is unknown, never an answer', (code, text) => {
    const body = JSON.stringify({ error_code: code, error_text: text, result: { bill_id: 3 } })
    const outcome = ok(body)
    expect(outcome).toMatchObject({ kind: 'unknown', httpStatus: 200, raw: body, unsigned: { errorCode: code, errorText: text } })
    expect(outcome.kind === 'unknown' ? outcome.reason : '').toMatch(new RegExp(`code ${code} .*is not signed.*may have carried out the request`))
  })

  it.each(codes)('code %i with a wrong signature is unknown, never an answer', (code, text) => {
    const wrongKey = md5(`${code}::${text}::another key`)
    for (const hash of ['00', wrongKey, '']) {
      const outcome = ok(JSON.stringify({ error_code: code, error_text: text, hash }))
      expect(outcome).toMatchObject({ kind: 'unknown', unsigned: { errorCode: code, errorText: text } })
    }
    // A signature over another text does not carry over to this one.
    const otherText = JSON.stringify({ error_code: code, error_text: `${text}!`, hash: md5(`${code}::${text}::${SECRET}`) })
    expect(ok(otherText)).toMatchObject({ kind: 'unknown' })
  })

  it.each(codes)('code %i correctly signed is an answer', (code, text) => {
    const outcome = ok(JSON.stringify({ error_code: code, error_text: text, hash: md5(`${code}::${text}::${SECRET}`) }))
    expect(outcome).toMatchObject({ kind: 'answer', errorCode: code, errorText: text, hashValid: true })
  })

  it.each(['[]', '"ok"', 'null', '{"error_code":-1,"error_text":"x"}', '{"error_code":"1e3","error_text":"x"}'])('%s is not an answer', (body) => {
    expect(ok(body)).toMatchObject({ kind: 'unknown', raw: body })
  })

  it('does not trust a signed answer that came with a redirect or an error status', () => {
    const signed = `{"error_code":0,"error_text":"ok","result":{"bill_id":1},"hash":"${md5(`0::ok::${SECRET}`)}"}`
    expect(ok(signed, 302)).toMatchObject({ kind: 'unknown', httpStatus: 302 })
    expect(ok(signed, 500)).toMatchObject({ kind: 'unknown', httpStatus: 500 })
  })
})
