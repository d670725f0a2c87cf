// orderbatch import <file> --dry-run --emit-requests out.jsonl: the exact signed bodies that a
// real import would send, one JSON line per order; nothing is staged or sent.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createOrderParams } from '#shared/wire/create-order-params'
import { signedBody } from '#shared/wire/signature'
import type { PreparedImport } from '../../pipeline/prepare-import'
import { describeCounts, describeIssues } from '../describe-plan'
import { cliT } from '../lang'
import { EXIT, type CliIo } from '../io'

export async function emitDryRun(prepared: PreparedImport, out: string | undefined, login: string, secret: string, io: CliIo): Promise<number> {
  const valid = prepared.plan.orders.filter((o) => o.errors === 0)
  const lines = valid.map((order) => {
    const { body } = signedBody(new Map(createOrderParams(order)), login, secret)
    return JSON.stringify({ order: order.index, rows: order.rows, body })
  })
  if (out) {
    const stream = createWriteStream(out, { encoding: 'utf8' })
    for (const line of lines) if (!stream.write(`${line}\n`)) await once(stream, 'drain')
    stream.end()
    await once(stream, 'finish')
  }
  const summary = [
    describeCounts(prepared, cliT(io)),
    `Dry run: nothing was sent. ${valid.length} signed request${valid.length === 1 ? '' : 's'} ${out ? `written to ${out}` : 'prepared (add --emit-requests out.jsonl to save them)'}.`,
    ...(valid.length < prepared.plan.orders.length ? [`${prepared.plan.orders.length - valid.length} order(s) with errors would not be sent:`] : []),
    ...describeIssues(prepared.plan.issues.filter((i) => i.severity === 'error'), 50, cliT(io))
  ]
  io.stdout(`${summary.join('\n')}\n`)
  return prepared.plan.counts.errors > 0 ? EXIT.problems : EXIT.ok
}
