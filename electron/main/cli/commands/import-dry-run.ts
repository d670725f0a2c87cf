// orderbatch import <file> --dry-run --emit-requests out.jsonl: the exact signed bodies that a
// real import would send, one JSON line per order; nothing is staged or sent. Each line is
// written as it is signed (in chunks of about 1 MB), so memory does not grow with the run.
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { orderQuery } from '#shared/wire/flat-query'
import { hashParam, requestHashTail } from '#shared/wire/signature'
import { nodeMd5Bytes } from '../../api/node-md5'
import type { PlannedOrder } from '#shared/plan/import-plan'
import type { OrderDraft } from '#shared/plan/order'
import { RowOrder } from '#shared/plan/row-order'
import type { PreparedImport } from '../../pipeline/prepare-import'
import { describeCounts, describeIssues } from '../describe-plan'
import { cliT } from '../lang'
import { EXIT, type CliIo } from '../io'

const CHUNK = 1 << 20
/** Room past CHUNK in each buffer, so that a line of usual length never needs a new one. */
const SLACK = 1 << 16

/** One line of the file: {"order": n, "rows": [sheet rows], "body": "<form body>&hash=..."}.
 * `body` is a signed body: urlencoded keys and values, = & and a hex hash, so it holds only
 * A-Z a-z 0-9 - . _ + % & = and nothing JSON would escape (the tests check this against
 * JSON.stringify). */
export function requestLine(order: Pick<PlannedOrder, 'index'> & { rows: readonly number[] }, body: string): string {
  return `{"order":${order.index},"rows":[${order.rows.join(',')}],"body":"${body}"}\n`
}

/** An order's values for signing; a one-row order reads them from its row without keeping them. */
function valuesOf(order: PlannedOrder): Pick<OrderDraft, 'fields' | 'goods' | 'backlogNoCancel'> {
  if (!(order instanceof RowOrder)) return order
  const values = order.readValues()
  return order.backlogNoCancel === true ? { ...values, backlogNoCancel: true } : values
}

/** An order's sheet rows; a one-row order's are read without being kept on it. */
function rowsOf(order: PlannedOrder): Pick<PlannedOrder, 'index'> & { rows: readonly number[] } {
  return order instanceof RowOrder ? { index: order.index, rows: order.readRows() } : order
}

/**
 * The bytes of requestLine(order, signedOrderBody(values, login, secret)) for order after order,
 * written straight into buffers of about CHUNK bytes, which `add` hands back as they fill. The
 * same bytes as the strings, at a fraction of the cost: a line is all ASCII (see requestLine), so
 * each piece goes in with one latin1 write, and the MD5 is taken of the query's bytes followed by
 * "::login::key" in a scratch buffer of its own (so the key is never in a buffer that is written).
 * Joining the lines into one string and converting that (a rope of thousands of pieces) to
 * UTF-8, and hashing each query as a text, took about 5 s and 1.5 s of a 500k dry run.
 */
export class RequestLines {
  #buffer = Buffer.allocUnsafe(CHUNK + SLACK)
  #used = 0
  #scratch = Buffer.allocUnsafe(4096)
  readonly #suffix: Buffer

  constructor(login: string, secret: string) {
    this.#suffix = Buffer.from(requestHashTail(login, secret), 'utf8')
  }

  /** Adds one order's line; returns a filled buffer to write, or null. `query` is
   * orderQuery(values): urlencoded, so ASCII only. */
  add(order: Pick<PlannedOrder, 'index'> & { rows: readonly number[] }, query: string): Buffer | null {
    const suffix = this.#suffix
    const signed = query.length + suffix.length
    if (this.#scratch.length < signed) this.#scratch = Buffer.allocUnsafe(Math.max(signed, this.#scratch.length * 2))
    const scratch = this.#scratch
    scratch.write(query, 0, 'latin1')
    suffix.copy(scratch, query.length)
    const hash = nodeMd5Bytes(scratch.subarray(0, signed))
    const rows = order.rows
    const head = `{"order":${order.index},"rows":[${rows.length === 1 ? rows[0] : rows.join(',')}],"body":"`
    const tail = `${hashParam(query, hash)}"}\n`
    const size = head.length + query.length + tail.length
    let full: Buffer | null = null
    if (this.#used + size > this.#buffer.length) {
      full = this.#take()
      if (size > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(size)
    }
    const buffer = this.#buffer
    let at = this.#used
    at += buffer.write(head, at, 'latin1')
    at += scratch.copy(buffer, at, 0, query.length)
    at += buffer.write(tail, at, 'latin1')
    this.#used = at
    return full ?? (at >= CHUNK ? this.#take() : null)
  }

  /** What is left to write, if anything. */
  finish(): Buffer | null {
    return this.#take()
  }

  /** The filled part of the buffer, to hand to a stream that keeps it: the next lines go into a
   * new one. */
  #take(): Buffer | null {
    if (this.#used === 0) return null
    const full = this.#buffer.subarray(0, this.#used)
    this.#buffer = Buffer.allocUnsafe(CHUNK + SLACK)
    this.#used = 0
    return full
  }
}

async function writeRequests(stream: WriteStream, orders: readonly PlannedOrder[], login: string, secret: string): Promise<void> {
  const lines = new RequestLines(login, secret)
  for (const order of orders) {
    if (order.errors !== 0) continue
    const full = lines.add(rowsOf(order), orderQuery(valuesOf(order)))
    if (full !== null && !stream.write(full)) await once(stream, 'drain')
  }
  const rest = lines.finish()
  if (rest === null) stream.end()
  else stream.end(rest)
  await once(stream, 'finish')
}

export async function emitDryRun(prepared: PreparedImport, out: string | undefined, login: string, secret: string, io: CliIo): Promise<number> {
  const orders = prepared.plan.orders
  let valid = 0
  for (const order of orders) if (order.errors === 0) valid += 1
  if (out) {
    const stream = createWriteStream(out)
    try {
      await Promise.race([writeRequests(stream, orders, login, secret), once(stream, 'error').then(([error]) => Promise.reject(error as Error))])
    } catch (error) {
      stream.destroy()
      const code = (error as NodeJS.ErrnoException).code
      if (typeof code !== 'string') throw error
      io.stderr(`${cliT(io)('cli.dryRun.cannotWrite', { file: out, code })}\n`)
      return EXIT.usageOrInput
    }
  }
  const t = cliT(io)
  const summary = [
    describeCounts(prepared, t),
    out ? t('cli.dryRun.written', { count: valid, file: out }) : t('cli.dryRun.prepared', { count: valid }),
    ...(valid < orders.length ? [t('cli.dryRun.withErrors', { number: orders.length - valid })] : []),
    ...describeIssues(prepared.plan.issues.filter((i) => i.severity === 'error'), 50, t)
  ]
  io.stdout(`${summary.join('\n')}\n`)
  return prepared.plan.counts.errors > 0 ? EXIT.problems : EXIT.ok
}
