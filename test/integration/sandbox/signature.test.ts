import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../electron/main/sandbox/sandbox'
import { ACCOUNT, SECRET, call, md5, orderData, post, signedBody, startTestSandbox } from './helpers'
import { httpBuildQuery } from '#shared/wire/php-query'

// Worked vector 1 of api-research.md §7.3 (checked there with PHP 8.2's own http_build_query):
// the vendor's CreateOrder sample, login "username", key forty X.
const VECTOR_QUERY =
  'goods%5B0%5D%5Bgood_name%5D=invoice&goods%5B0%5D%5Bgood_sum%5D=1500&goods%5B1%5D%5Bgood_name%5D=sales&bill_first_name=Name&bill_surname=Surname&bill_middle_name=Middle+Name&bill_email=user4%40email.com&bill_phone=%2B7%28928%29777-77-77&bill_country=USA&bill_region=New+York&bill_city=New+York&bill_address=Wall+St.&bill_postal_code=345678&bill_coupon=skidka50&bill_tag=AdWords&bill_comment=in+a+beautiful+box&bill_ip=192.168.0.1&bill_timer_kill=1&bill_created=1291001819&bill_domain=www.shop.com&utm%5Butm_medium%5D=cpc&utm%5Butm_source%5D=direct&utm%5Butm_campaign%5D=my+campaign&utm%5Butm_content%5D=content_123&utm%5Butm_term%5D=my_label'
const VECTOR_HASH = 'e1bf174b1f0be55f8fe4c447dde8bb7e'

describe('the documented worked vector', () => {
  it('is accepted byte for byte and creates the sample order', async () => {
    const sandbox = await startTestSandbox({ account: 'username', secret: 'X'.repeat(40) })
    try {
      const answer = await call(sandbox, 'CreateOrder', `${VECTOR_QUERY}&hash=${VECTOR_HASH}`)
      expect(answer.error_code).toBe(0)
      expect(answer.error_text).toBe('ok')
      expect(answer.hash).toBe(md5(`0::ok::${'X'.repeat(40)}`))
      const [order] = sandbox.ledger.orders()
      expect(order?.email).toBe('user4@email.com')
      expect(order?.goods).toEqual([{ good_name: 'invoice', good_sum: '1500' }, { good_name: 'sales', good_sum: null }])
      expect(order?.created).toBe(1291001819)
      expect(order?.tag).toBe('AdWords')
      expect(order?.fields['utm[utm_campaign]']).toBe('my campaign')
      expect(order?.fields.bill_phone).toBe('+7(928)777-77-77')
    } finally {
      await sandbox.close()
    }
  })
})

describe('the general checks', () => {
  let sandbox: Sandbox
  beforeEach(async () => {
    sandbox = await startTestSandbox()
  })
  afterEach(() => sandbox.close())

  it('answers 2 "no transmitted data" to an empty body, and signs the answer', async () => {
    const answer = await call(sandbox, 'CreateOrder', '')
    expect(answer).toEqual({ error_code: 2, error_text: 'no transmitted data', result: [], hash: md5(`2::no transmitted data::${SECRET}`) })
  })

  it('answers 1 "not transferred hash" when the hash is missing or empty', async () => {
    const query = httpBuildQuery(orderData())
    expect((await call(sandbox, 'CreateOrder', query)).error_code).toBe(1)
    const answer = await call(sandbox, 'CreateOrder', `${query}&hash=`)
    expect([answer.error_code, answer.error_text]).toEqual([1, 'not transferred hash'])
  })

  it('answers 4 "incorrect hash" for another secret, another login, an upper-case hash or a changed body', async () => {
    const data = orderData()
    const query = httpBuildQuery(data)
    const bodies = [
      signedBody(data, ACCOUNT, 'other-secret'),
      signedBody(data, 'someone', SECRET),
      `${query}&hash=${md5(`${query}::${ACCOUNT}::${SECRET}`).toUpperCase()}`,
      signedBody(data).replace('Anna', 'Anne')
    ]
    for (const body of bodies) {
      const answer = await call(sandbox, 'CreateOrder', body)
      expect([answer.error_code, answer.error_text, answer.hash]).toEqual([4, 'incorrect hash', md5(`4::incorrect hash::${SECRET}`)])
    }
    expect(sandbox.ledger.count()).toBe(0)
  })

  it('checks the hash over the re-encoded $_POST, not over the raw bytes', async () => {
    const canonical = httpBuildQuery({ goods: [{ good_name: 'course-1' }], bill_email: 'a@example.com', bill_comment: 'x~y (1)' })
    const hash = md5(`${canonical}::${ACCOUNT}::${SECRET}`)
    // The same values spelled differently on the wire: raw brackets, %20, lower-case hex.
    const spelledOtherwise = 'goods[0][good_name]=course-1&bill_email=a%40example.com&bill_comment=x~y%20%281%29'
    expect((await call(sandbox, 'CreateOrder', `${spelledOtherwise}&hash=${hash}`)).error_code).toBe(0)
    // A client that hashed its own non-PHP spelling fails, as it would on the real service.
    const raw = 'goods[0][good_name]=c&bill_email=b%40example.com&bill_comment=x~y'
    expect((await call(sandbox, 'CreateOrder', `${raw}&hash=${md5(`${raw}::${ACCOUNT}::${SECRET}`)}`)).error_code).toBe(4)
    expect(sandbox.ledger.count()).toBe(1)
  })

  it('refuses a body over 1 MB with HTTP 413 and creates nothing', async () => {
    const reply = await post(`${sandbox.baseUrl}CreateOrder`, signedBody(orderData({ bill_comment: 'x'.repeat(1024 * 1024) })))
    expect(reply.kind === 'response' && reply.status).toBe(413)
    expect(sandbox.ledger.count()).toBe(0)
  })

  it('treats a body that is not a form, or a GET, as no data', async () => {
    const body = signedBody(orderData())
    const json = await post(`${sandbox.baseUrl}CreateOrder`, body, { contentType: 'application/json' })
    expect(json.kind === 'response' && JSON.parse(json.body).error_code).toBe(2)
    const withCharset = await post(`${sandbox.baseUrl}CreateOrder`, body, { contentType: 'application/x-www-form-urlencoded; charset=UTF-8' })
    expect(withCharset.kind === 'response' && JSON.parse(withCharset.body).error_code).toBe(0)
    const get = await post(`${sandbox.baseUrl}GetBills`, signedBody({ email: 'anna@example.com' }), { method: 'GET' })
    expect(get.kind === 'response' && JSON.parse(get.body).error_code).toBe(2)
  })

  it('serves the account under /<login>/api/ and answers 5 "invalid user name" for another login', async () => {
    const origin = sandbox.baseUrl.replace(/\/api\/$/, '')
    const own = await post(`${origin}/${ACCOUNT}/api/CreateOrder`, signedBody(orderData()))
    expect(own.kind === 'response' && JSON.parse(own.body).error_code).toBe(0)
    const other = await post(`${origin}/someone/api/CreateOrder`, signedBody(orderData(), 'someone'))
    expect(other.kind === 'response' && JSON.parse(other.body)).toEqual({
      error_code: 5, error_text: 'invalid user name', result: [], hash: md5(`5::invalid user name::${SECRET}`)
    })
  })

  it('accepts function names in any case and answers 404 HTML for anything else', async () => {
    expect((await call(sandbox, 'createorder', signedBody(orderData()))).error_code).toBe(0)
    expect((await call(sandbox, 'GETORDERDETAILS', signedBody({ bill_id: '1' }))).error_code).toBe(400)
    for (const path of ['NoSuchFunction', '', 'CreateOrder/extra']) {
      const reply = await post(`${sandbox.baseUrl}${path}`, signedBody(orderData()))
      expect(reply.kind === 'response' && [reply.status, reply.contentType]).toEqual([404, 'text/html'])
      expect(reply.kind === 'response' && reply.body).toContain('404 Not Found')
    }
    const root = await post(sandbox.baseUrl.replace(/api\/$/, 'index.php'), '')
    expect(root.kind === 'response' && root.status).toBe(404)
    expect(sandbox.ledger.count()).toBe(1)
  })
})
