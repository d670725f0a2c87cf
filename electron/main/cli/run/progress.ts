// Progress of a sending run on stderr. On a terminal: one line redrawn in place (bar, counts per
// state, orders per minute, time left). Otherwise (a log file, CI): a plain line at most every
// few seconds. Messages about single orders are printed between, never over, the progress line.
import type { SendProgress } from '../../sender/send-run'
import type { Translate } from '#shared/i18n/translate'
import type { CliIo } from '../io'
import { ENGLISH } from '../lang'

export const PLAIN_INTERVAL_MS = 5000
const TTY_INTERVAL_MS = 100
const BAR_WIDTH = 20
const CLEAR_LINE = '\r\x1b[2K'

export interface ProgressView {
  update: (progress: SendProgress) => void
  /** A message line (a failed order, a pause): printed on its own line. */
  line: (text: string) => void
  /** Leaves the last progress on screen and moves to a fresh line. */
  finish: () => void
}

export function progressView(io: CliIo, now: () => number = Date.now, t: Translate = ENGLISH): ProgressView {
  return io.isTTY ? terminalView(io, now, t) : plainView(io, now, t)
}

function terminalView(io: CliIo, now: () => number, t: Translate): ProgressView {
  let last: SendProgress | null = null
  let drawnAt = -Infinity
  let shown = false
  const draw = () => {
    if (!last) return
    io.stderr(`${CLEAR_LINE}${progressText(last, true, t)}`)
    drawnAt = now()
    shown = true
  }
  return {
    update: (progress) => {
      last = progress
      if (now() - drawnAt >= TTY_INTERVAL_MS) draw()
    },
    line: (text) => {
      io.stderr(`${shown ? CLEAR_LINE : ''}${text}\n`)
      shown = false
      draw()
    },
    finish: () => {
      draw()
      if (shown) io.stderr('\n')
      shown = false
    }
  }
}

function plainView(io: CliIo, now: () => number, t: Translate): ProgressView {
  let printedAt = now()
  return {
    update: (progress) => {
      if (now() - printedAt < PLAIN_INTERVAL_MS) return
      printedAt = now()
      io.stderr(`${progressText(progress, false, t)}\n`)
    },
    line: (text) => io.stderr(`${text}\n`),
    finish: () => {}
  }
}

/** "3 min", or "3 min (12 orders, 20 calls)" when status steps make calls beyond the orders. */
function etaText(p: SendProgress, duration: string, t: Translate): string {
  const orders = p.ordersLeft ?? p.counts.pending + p.counts.sending
  if (p.calls === undefined || p.calls <= orders) return duration
  return t('cli.progress.etaCalls', { duration, orders, calls: p.calls })
}

export function progressText(p: SendProgress, terminal: boolean, t: Translate = ENGLISH): string {
  const c = p.counts
  const done = c.succeeded + c.failed + c.unknown + c.skipped
  const toSend = c.pending + c.sending
  const perMinute = p.perMinute === null ? null : Math.round(p.perMinute)
  const eta = p.etaSeconds === null ? '' : etaText(p, formatDuration(p.etaSeconds), t)
  const flags = [p.paused ? t('cli.progress.paused') : '', p.backoffUntil !== null ? t('cli.progress.slowed') : ''].filter(Boolean)
  if (terminal) {
    const parts = [
      `${bar(done, p.total)} ${done}/${p.total}`,
      t('cli.progress.created', { count: c.succeeded }),
      t('cli.progress.failed', { count: c.failed }),
      t('cli.progress.unknown', { count: c.unknown }),
      t('cli.progress.toSend', { count: toSend }),
      ...(perMinute !== null ? [t('cli.progress.perMinute', { rate: perMinute })] : []),
      ...(eta ? [t('cli.progress.eta', { eta })] : []),
      ...flags
    ]
    return parts.join(' · ')
  }
  const rate = [perMinute !== null ? t('cli.progress.plainRate', { rate: perMinute }) : '', eta ? t('cli.progress.plainEta', { eta }) : ''].filter(Boolean).join(', ')
  return (
    t('cli.progress.plain', { run: p.runId, done, total: p.total, created: c.succeeded, failed: c.failed, unknown: c.unknown, toSend }) +
    (rate ? `; ${rate}` : '') +
    (flags.length > 0 ? `; ${flags.join(', ')}` : '')
  )
}

function bar(done: number, total: number): string {
  const filled = total <= 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.floor((done / total) * BAR_WIDTH))
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}
