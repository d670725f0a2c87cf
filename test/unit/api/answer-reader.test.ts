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

  it('flags an error answer whose hash does not match, and refuses such a success', () => {
    expect(ok('{"error_code":604,"error_text":"product not exist","hash":"00"}')).toMatchObject({ kind: 'answer', hashValid: false })
    expect(ok('{"error_code":601,"error_text":"exists","result":{"bill_id":3},"hash":"00"}')).toMatchObject({ kind: 'unknown', httpStatus: 200 })
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
