// A run as status shows it: in words for a person, or as JSON for a script.
import type { Journal, OrderState, RunRecord } from '../../journal'
import { ordersInState, runReport } from '../../ops/run-status'
import type { Translate } from '#shared/i18n/translate'
import { englishOf, renderMessage, storedNote } from '#shared/i18n/message'
import { ENGLISH } from '../lang'
import { countsLine } from './summary'
import { termName, termText } from '../terminal-text'

export function runHeadline(journal: Journal, run: RunRecord, t: Translate = ENGLISH): string[] {
  const { sandbox, counts, deleted } = runReport(journal, run)
  const sheet = run.sheet === null ? '' : t('cli.status.sheet', { sheet: termName(run.sheet) })
  const target = sandbox ? t('cli.sandboxName') : t('cli.status.shopAs', { address: run.settings.apiBase, login: run.settings.login })
  const lines = [
    t('cli.status.headline', {
      run: run.id,
      status: run.status,
      started: localTime(run.createdAt),
      ended: run.finishedAt === null ? '' : t('cli.status.ended', { time: localTime(run.finishedAt) })
    }),
    t('cli.status.source', { name: termText(run.sourceName), sheet, size: formatBytes(run.sourceSize), hash: run.sourceHash.slice(0, 12) }),
    t('cli.status.sentTo', { target, rate: run.settings.rate, concurrency: run.settings.concurrency }),
    t('cli.status.orders', { counts: countsLine(counts, t), deleted: deleted > 0 ? t('cli.status.deleted', { count: deleted }) : '' })
  ]
  if (run.note) lines.push(t('cli.status.note', { note: renderMessage(t, storedNote(run.note)) }))
  return lines
}

export function runJson(journal: Journal, run: RunRecord, withOrders: boolean): Record<string, unknown> {
  const { sandbox, counts, total, deleted } = runReport(journal, run)
  const json: Record<string, unknown> = {
    id: run.id,
    status: run.status,
    createdAt: new Date(run.createdAt).toISOString(),
    finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
    source: { name: run.sourceName, sheet: run.sheet, size: run.sourceSize, sha256: run.sourceHash },
    settings: run.settings,
    sandbox,
    counts,
    total,
    deleted,
    statuses: journal.statusStepCounts(run.id),
    note: run.note === null ? null : englishOf(storedNote(run.note))
  }
  if (withOrders) {
    json.failed = ordersJson(journal, run.id, 'failed')
    json.unknown = ordersJson(journal, run.id, 'unknown')
    json.notMarked = journal.statusStepsIn(run.id, ['failed', 'unknown']).filter((s) => s.orderState === 'succeeded').map((s) => ({
      order: s.ordinal,
      billId: s.billId,
      status: s.status,
      state: s.state,
      errorCode: s.errorCode,
      error: s.errorText === null ? null : englishOf(storedNote(s.errorText))
    }))
  }
  return json
}

function ordersJson(journal: Journal, runId: number, state: OrderState): Array<Record<string, unknown>> {
  return ordersInState(journal, runId, state).map(({ order, rows }) => ({
    order: order.ordinal,
    rows,
    email: order.email,
    errorCode: order.errorCode,
    error: order.errorText === null ? null : englishOf(storedNote(order.errorText))
  }))
}

/** "2026-11-28 14:05" in the computer's time zone. */
export function localTime(ms: number): string {
  const d = new Date(ms)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`
  return `${(size / 1024 / 1024).toFixed(1)} MB`
}
