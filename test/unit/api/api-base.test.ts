import { describe, expect, it } from 'vitest'
import { ApiAddressError, apiBaseUrl } from '../../../electron/main/api/api-base'

describe('apiBaseUrl', () => {
  it('defaults to the login sub-domain of influencersoft.com', () => {
    expect(apiBaseUrl('mylogin')).toBe('https://mylogin.influencersoft.com/api/')
  })

  it('uses justclick.ru when asked', () => {
    expect(apiBaseUrl('shop_1', 'justclick.ru')).toBe('https://shop_1.justclick.ru/api/')
  })

  it('accepts another brand domain', () => {
    expect(apiBaseUrl('a-b', 'JustClick.io')).toBe('https://a-b.justclick.io/api/')
  })

  it('uses a full URL as given, ending it with a slash', () => {
    expect(apiBaseUrl('demo', 'http://127.0.0.1:5050/api')).toBe('http://127.0.0.1:5050/api/')
    expect(apiBaseUrl('demo', 'https://shop.example.com/api/')).toBe('https://shop.example.com/api/')
  })

  it.each(['', 'My Login', 'Login', 'a.b', 'a/b', 'ив'])('rejects the login %j with a clear message', (login) => {
    expect(() => apiBaseUrl(login)).toThrow(ApiAddressError)
    expect(() => apiBaseUrl(login)).toThrow(/login .*lowercase letters a-z/)
  })

  it('checks the login even with a full URL', () => {
    expect(() => apiBaseUrl('Bad Login', 'https://shop.example.com/api/')).toThrow(/login/)
  })

  it.each([
    ['ftp://example.com/api/', /https:\/\//],
    ['https://user:pw@example.com/api/', /user name or password/],
    ['https://example.com/api/?x=1', /"\?…"/],
    ['https://', /not a valid URL/]
  ])('rejects the address %s', (address, message) => {
    expect(() => apiBaseUrl('demo', address)).toThrow(message)
  })

  it('does not repeat credentials from a rejected address', () => {
    expect(() => apiBaseUrl('demo', 'https://user:topsecretpw@example.com/')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('topsecretpw') })
    )
  })

  it.each(['influencersoft', 'bad domain.com', '-x.com'])('rejects the domain %j', (domain) => {
    expect(() => apiBaseUrl('demo', domain)).toThrow(/not a domain name/)
  })
})
