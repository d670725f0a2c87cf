// orderbatch import <file> --dry-run --emit-requests out.jsonl: the exact signed bodies that a
// real import would send, one JSON line per order; nothing is staged or sent. Each line is
// written as it is signed (in chunks of about 1 MB), so memory does not grow with the run.
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { signedOrderBody } from '#shared/wire/flat-query'
import type { PlannedOrder } from '#shared/plan/import-plan'
import type { OrderDraft } from '#shared/plan/order'
import { RowOrder } from '#shared/plan/row-order'
import type { PreparedImport } from '../../pipeline/prepare-import'
import { describeCounts, describeIssues } from '../describe-plan'
import { cliT } from '../lang'
import { EXIT, type CliIo } from '../io'

const CHUNK = 1 << 20

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

async function writeRequests(stream: WriteStream, orders: readonly PlannedOrder[], login: string, secret: string): Promise<void> {
  let chunk = ''
  for (const order of orders) {
    if (order.errors !== 0) continue
    chunk += requestLine(rowsOf(order), signedOrderBody(valuesOf(order), login, secret))
    if (chunk.length >= CHUNK) {
      if (!stream.write(chunk)) await once(stream, 'drain')
      chunk = ''
    }
  }
  stream.end(chunk)
  await once(stream, 'finish')
}

export async function emitDryRun(prepared: PreparedImport, out: string | undefined, login: string, secret: string, io: CliIo): Promise<number> {
  const orders = prepared.plan.orders
  let valid = 0
  for (const order of orders) if (order.errors === 0) valid += 1
  if (out) {
    const stream = createWriteStream(out, { encoding: 'utf8' })
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
