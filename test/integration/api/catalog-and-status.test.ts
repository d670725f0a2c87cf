// GetAllGoods and UpdateOrderStatus through the client: the bodies on the wire are what PHP's
// http_build_query + md5 sign (the vendor's GetHash), and the catalog answer is read into
// products, with 700 "no products", a bad hash and a shape we cannot read told apart.
import { execFileSync } from 'node:child_process'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { errorText, renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { ApiClient } from '../../../electron/main/api/api-client'
import { fetchCatalog, parseAllGoods } from '../../../electron/main/api/catalog'
import { ApiShapeError, parseOrderDetails } from '../../../electron/main/api/lookup-parsers'
import { runPhpTests } from '../../helpers/php'
import { startFakeApi, type FakeApi } from './fake-api-server'

const SECRET = 'X'.repeat(40)
const LOGIN = 'username'

let api: FakeApi
beforeAll(async () => {
  api = await startFakeApi(SECRET)
})
afterAll(() => api.close())
afterEach(() => {
  api.requests.length = 0
})

const client = (): ApiClient => new ApiClient({ baseUrl: api.baseUrl, login: LOGIN, secret: SECRET })

/** What the vendor's PHP sample posts: http_build_query($params) . '&hash=' . GetHash($params). */
function phpBody(paramsPhp: string): string {
  const code = `$p = ${paramsPhp}; $q = http_build_query($p); $h = md5($q . '::${LOGIN}::${SECRET}'); echo $q === '' ? "hash=$h" : "$q&hash=$h";`
  return execFileSync('php', ['-r', code], { encoding: 'utf8' })
}

describe.skipIf(!runPhpTests)('signing, checked against PHP', () => {
  it('GetAllGoods posts only the hash of "" + ::login::key', async () => {
    api.script({ kind: 'answer', code: 0, text: 'ok', result: [] })
    await client().getAllGoods()
    expect(api.requests[0]?.url).toBe('/api/GetAllGoods')
    expect(api.requests[0]?.body).toBe(phpBody('[]'))
    expect(api.requests[0]?.body).toMatch(/^hash=[0-9a-f]{32}$/)
  })

  it('UpdateOrderStatus posts bill_id, status and date in that order', async () => {
    api.script({ kind: 'answer', code: 0, text: 'order status changed' })
    await client().updateOrderStatus(1234567, 'paid', 1700000000)
    expect(api.requests[0]?.url).toBe('/api/UpdateOrderStatus')
    expect(api.requests[0]?.body).toBe(phpBody("['bill_id' => '1234567', 'status' => 'paid', 'date' => '1700000000']"))
  })
})

describe('fetchCatalog', () => {
  it('reads the products, numbers and strings alike, keyed or listed', async () => {
    api.script({
      kind: 'answer',
      code: 0,
      text: 'ok',
      result: {
        '7': { good_id: 7, good_name: 'course', good_title: 'The course', good_sum: '3900.00', good_type: 1 },
        '8': { good_id: '8', good_name: 'book', good_title: 'Book', good_sum: '', good_type: 'physical' }
      }
    })
    const fetched = await fetchCatalog(() => client().getAllGoods(), () => 42)
    expect(fetched).toEqual({
      ok: true,
      catalog: {
        fetchedAt: 42,
        products: [
          { id: '7', name: 'course', title: 'The course', price: '3900.00', type: '1', kind: 'unknown' },
          { id: '8', name: 'book', title: 'Book', price: null, type: 'physical', kind: 'physical' }
        ]
      }
    })
  })

  it('tells 700 "no products" from other refusals and from a network failure', async () => {
    api.script({ kind: 'answer', code: 700, text: 'no products' }, { kind: 'answer', code: 5, text: 'invalid user name' })
    expect(await fetchCatalog(() => client().getAllGoods())).toMatchObject({ ok: false, noProducts: true })
    const refused = await fetchCatalog(() => client().getAllGoods())
    expect(refused).toEqual({ ok: false, noProducts: false, reason: 'the shop answered 5 "invalid user name"', why: { key: 'catalog.answered', params: { code: 5, text: 'invalid user name' } } })
    // The reason in the reader's language; the shop's own words as they came.
    if (!refused.ok) expect(renderMessage(translatorFor('ru'), refused.why)).toBe('магазин ответил 5 «invalid user name»')
    const closed = new ApiClient({ baseUrl: 'http://127.0.0.1:1/api/', login: LOGIN, secret: SECRET, connectTimeoutMs: 1000 })
    const offline = await fetchCatalog(() => closed.getAllGoods())
    expect(offline).toMatchObject({ ok: false, noProducts: false })
    if (!offline.ok) expect(offline.why.key).not.toBe('error.asIs')
  })

  it('does not trust a list whose answer is not signed with the key', async () => {
    api.script({ kind: 'answer', code: 0, text: 'ok', result: [{ good_name: 'x' }], badHash: true })
    expect(await fetchCatalog(() => client().getAllGoods())).toMatchObject({ ok: false })
  })

  it('refuses a shape it cannot read instead of calling it an empty shop', () => {
    expect(() => parseAllGoods('nope')).toThrow(ApiShapeError)
    expect(() => parseAllGoods([{ good_title: 'no name' }])).toThrow('Product 1 of the GetAllGoods answer has no good_name.')
    // The error carries its message: read in the reader's language.
    let caught: unknown
    try {
      parseAllGoods([{ good_title: 'no name' }])
    } catch (error) {
      caught = error
    }
    expect(errorText(translatorFor('ru'), caught)).toBe('У товара 1 в ответе GetAllGoods нет good_name.')
    let details: unknown
    try {
      parseOrderDetails([])
    } catch (error) {
      details = error
    }
    expect(errorText(translatorFor('ru'), details)).toBe('Данные заказа от API — не заказ (ожидался объект с id, email, items).')
    expect(parseAllGoods([])).toEqual([])
  })
})
