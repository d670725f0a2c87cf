import { describe, expect, it } from 'vitest'
import { md5 } from '#shared/wire/md5'
import { httpBuildQuery } from '#shared/wire/php-query'
import { requestHash, responseHash, signedBody } from '#shared/wire/signature'

const SECRET = 'very-secret-key-1234567890'

describe('signedBody', () => {
  it('sends the hashed query followed by &hash=', () => {
    const params = new Map([['bill_id', '102937'], ['good_info', '1']])
    const signed = signedBody(params, 'login', SECRET)
    expect(signed.query).toBe(httpBuildQuery(params))
    expect(signed.hash).toBe(requestHash(signed.query, 'login', SECRET))
    expect(signed.body).toBe(`${signed.query}&hash=${signed.hash}`)
  })

  it('sends only hash= when there is nothing else to send', () => {
    const signed = signedBody({ nothing: null }, 'login', SECRET)
    expect(signed.query).toBe('')
    expect(signed.body).toBe(`hash=${md5(`::login::${SECRET}`)}`)
  })

  it('depends on the login and on the key', () => {
    const params = { a: '1' }
    const base = signedBody(params, 'login', SECRET).hash
    expect(signedBody(params, 'login2', SECRET).hash).not.toBe(base)
    expect(signedBody(params, 'login', `${SECRET}x`).hash).not.toBe(base)
  })

  it('refuses parameters that already hold a hash, without revealing the key', () => {
    for (const params of [new Map([['hash', 'x']]), { hash: 'x', a: '1' }]) {
      let message = ''
      try {
        signedBody(params, 'login', SECRET)
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/already contain "hash"/)
      expect(message).not.toContain(SECRET)
    }
    // A nested "hash" is an ordinary parameter.
    expect(signedBody({ utm: { hash: 'x' } }, 'login', SECRET).body).toMatch(/^utm%5Bhash%5D=x&hash=[0-9a-f]{32}$/)
  })
})

describe('responseHash', () => {
  it('treats a numeric and a textual error code alike, as PHP string interpolation does', () => {
    expect(responseHash(601, 'order already exist. his number send in result array.', SECRET)).toBe(
      responseHash('601', 'order already exist. his number send in result array.', SECRET)
    )
    expect(responseHash(0, 'ok', SECRET)).not.toBe(responseHash(0, 'OK', SECRET))
  })
})
