import { describe, expect, it } from 'vitest'
import type { Cell } from '#shared/sheet/sheet'
import { normalizeDomain } from '#shared/transforms/index'

describe('normalizeDomain', () => {
  const cases: Array<[Cell, string]> = [
    ['www.shop.com', 'www.shop.com'],
    ['https://www.Shop.com/buy?x=1', 'www.shop.com'],
    ['http://shop.com', 'shop.com'],
    ['HTTPS://SHOP.COM/', 'shop.com'],
    ['//shop.com/path', 'shop.com'],
    ['shop.com/path/to?q=1#frag', 'shop.com'],
    ['shop.com?x=1', 'shop.com'],
    ['shop.com#top', 'shop.com'],
    ['https://user:secret@shop.com:8443/a', 'shop.com'],
    ['shop.com:8080', 'shop.com'],
    ['shop.com.', 'shop.com'],
    ['  www.shop.com  ', 'www.shop.com'],
    ['username.justclick.ru', 'username.justclick.ru'],
    ['https://Магазин.РФ/товары', 'магазин.рф'],
    ['пример.испытание', 'пример.испытание'],
    ['xn--80ak6aa92e.com', 'xn--80ak6aa92e.com'],
    ['my-shop_2.example.org', 'my-shop_2.example.org']
  ]
  it.each(cases)('%j -> %j', (cell, expected) => {
    expect(normalizeDomain(cell)).toEqual({ ok: true, value: expected })
  })

  it('gives nothing for blank cells', () => {
    expect(normalizeDomain(null)).toEqual({ ok: true, value: null })
    expect(normalizeDomain('   ')).toEqual({ ok: true, value: null })
  })

  const bad: Array<[Cell, string]> = [
    ['my shop.com', '"my shop.com" is not a domain: it has a space in it'],
    ['https://my shop.com/x', '"https://my shop.com/x" is not a domain: it has a space in it'],
    ['https://', '"https://" has no domain name in it: write the site like www.shop.com'],
    ['https:///path', '"https:///path" has no domain name in it: write the site like www.shop.com'],
    ['/path/only', '"/path/only" has no domain name in it: write the site like www.shop.com'],
    ['user@mail.ru', '"user@mail.ru" looks like an email address, not a domain: write the site like www.shop.com'],
    ['shop', '"shop" is not a domain: write the site like www.shop.com'],
    ['shop..com', '"shop..com" is not a domain: write the site like www.shop.com'],
    ['shop!.com', '"shop!.com" is not a domain: write the site like www.shop.com'],
    ['http://[::1]/', '"http://[::1]/" is not a domain: write the site like www.shop.com'],
    [true, '"true" is a yes/no value, not a domain: write the site like www.shop.com']
  ]
  it.each(bad)('%j is refused', (cell, message) => {
    expect(normalizeDomain(cell)).toMatchObject({ ok: false, message })
  })
})
