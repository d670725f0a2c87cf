// A plain node:http client for the sandbox tests: one fresh connection per request, so a fault
// on one request cannot leak into the next, and transport errors come back as values.
import { createHash } from 'node:crypto'
import { request } from 'node:http'
import { httpBuildQuery } from '#shared/wire/php-query'
import type { PhpArray, PhpValue } from '#shared/wire/php-value'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../electron/main/sandbox/sandbox'

export const ACCOUNT = 'demo'
export const SECRET = 'test-secret'

export type Reply =
  | { kind: 'response'; status: number; contentType: string; body: string }
  | { kind: 'error'; code: string }

export interface ApiAnswer {
  error_code: number
  error_text: string
  result: unknown
  hash: string
}

export function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex')
}

/** The body a PHP client sends: the hashed query plus &hash=md5(query::login::secret). */
export function signedBody(data: PhpArray, account = ACCOUNT, secret = SECRET): string {
  const query = httpBuildQuery(data)
  return `${query}&hash=${md5(`${query}::${account}::${secret}`)}`
}

export function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ account: ACCOUNT, secret: SECRET, ...options })
}

export function post(
  url: string,
  body: string,
  { contentType = 'application/x-www-form-urlencoded', method = 'POST' }: { contentType?: string; method?: string } = {}
): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request(url, { method, agent: false, headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({
        kind: 'response',
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8')
      }))
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'error', code: error.code ?? error.message }))
    })
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'error', code: error.code ?? error.message }))
    req.end(body)
  })
}

/** Posts and parses a 200 JSON answer; fails the test on anything else. */
export async function call(sandbox: Sandbox, fn: string, body: string): Promise<ApiAnswer> {
  const reply = await post(`${sandbox.baseUrl}${fn}`, body)
  if (reply.kind !== 'response' || reply.status !== 200) throw new Error(`expected a 200 answer from ${fn}, got ${JSON.stringify(reply)}`)
  return JSON.parse(reply.body) as ApiAnswer
}

export function callSigned(sandbox: Sandbox, fn: string, data: PhpArray): Promise<ApiAnswer> {
  return call(sandbox, fn, signedBody(data))
}

/** A minimal valid CreateOrder payload; goods as PHP lists of maps. */
export function orderData(overrides: Record<string, PhpValue> = {}): PhpArray {
  return {
    goods: [{ good_name: 'course-1', good_sum: '1500' }],
    bill_email: 'anna@example.com',
    bill_first_name: 'Anna',
    ...overrides
  }
}

export function billIdOf(answer: ApiAnswer): number {
  const billId = (answer.result as { bill_id?: unknown } | null)?.bill_id
  if (typeof billId !== 'number') throw new Error(`no numeric bill_id in ${JSON.stringify(answer)}`)
  return billId
}
