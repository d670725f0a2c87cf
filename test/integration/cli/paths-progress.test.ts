// Where the journal lives by default (Electron's userData for an app named Orderbatch), and how
// progress is shown on a terminal and in a log.
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../../electron/main/cli/io'
import { defaultUserDataDir, journalPathFor, sandboxShopPath } from '../../../electron/main/ops/paths'
import { formatDuration, progressText, progressView, PLAIN_INTERVAL_MS } from '../../../electron/main/cli/run/progress'
import type { SendProgress } from '../../../electron/main/sender/send-run'

describe('defaultUserDataDir', () => {
  it('follows Electron: ~/.config (or an absolute $XDG_CONFIG_HOME) on Linux, Application Support on macOS, %APPDATA% on Windows', () => {
    expect(defaultUserDataDir({ platform: 'linux', env: {}, home: '/home/anna' })).toBe('/home/anna/.config/Orderbatch')
    expect(defaultUserDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/data/cfg' }, home: '/home/anna' })).toBe('/data/cfg/Orderbatch')
    expect(defaultUserDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'relative' }, home: '/home/anna' })).toBe('/home/anna/.config/Orderbatch')
    expect(defaultUserDataDir({ platform: 'darwin', env: {}, home: '/Users/anna' })).toBe('/Users/anna/Library/Application Support/Orderbatch')
    expect(defaultUserDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, home: 'C:\\Users\\anna' })).toBe(
      'C:\\Users\\anna\\AppData\\Roaming\\Orderbatch'
    )
    expect(defaultUserDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\anna' })).toBe('C:\\Users\\anna\\AppData\\Roaming\\Orderbatch')
  })

  it('is $ORDERBATCH_HOME when that is set, for the CLI as for the browser host and the app', () => {
    expect(defaultUserDataDir({ platform: 'linux', env: { ORDERBATCH_HOME: '/srv/ob' }, home: '/home/anna' })).toBe('/srv/ob')
    expect(defaultUserDataDir({ platform: 'darwin', env: { ORDERBATCH_HOME: '/srv/ob', XDG_CONFIG_HOME: '/x' }, home: '/Users/anna' })).toBe('/srv/ob')
  })
})

describe('journalPathFor', () => {
  const io = (env: Record<string, string>): CliIo => ({ stdout: () => {}, stderr: () => {}, env, cwd: '/work', isTTY: false })
  it('takes --journal first (relative to the working folder), then $ORDERBATCH_JOURNAL, then the user-data folder', () => {
    expect(journalPathFor(io({ ORDERBATCH_JOURNAL: '/j/main.sqlite' }), 'runs/j.sqlite', false)).toBe('/work/runs/j.sqlite')
    expect(journalPathFor(io({ ORDERBATCH_JOURNAL: '/j/main.sqlite' }), undefined, false)).toBe('/j/main.sqlite')
    expect(journalPathFor(io({ HOME: '/home/anna' }), undefined, false)).toMatch(/Orderbatch[\\/]journal\.sqlite$/)
    expect(journalPathFor(io({ HOME: '/home/anna', ORDERBATCH_HOME: '/srv/ob' }), undefined, false)).toBe('/srv/ob/journal.sqlite')
  })

  it('keeps sandbox runs in the same journal as the app (one rule for both), the sandbox shop beside it', () => {
    expect(journalPathFor(io({ ORDERBATCH_JOURNAL: '/j/main.sqlite' }), undefined, true)).toBe('/j/main.sqlite')
    expect(journalPathFor(io({ HOME: '/home/anna' }), undefined, true)).toMatch(/Orderbatch[\\/]journal\.sqlite$/)
    expect(journalPathFor(io({}), '/tmp/x.sqlite', true)).toBe('/tmp/x.sqlite')
    expect(sandboxShopPath('/tmp/x.sqlite')).toBe('/tmp/x-shop.sqlite')
  })
})

function progress(over: Partial<SendProgress> = {}): SendProgress {
  return {
    runId: 7,
    counts: { pending: 10, sending: 2, succeeded: 15, failed: 2, unknown: 1, skipped: 0 },
    total: 30,
    inFlight: 2,
    paused: false,
    rate: 1,
    perMinute: 58.4,
    etaSeconds: 75,
    backoffUntil: null,
    ...over
  }
}

describe('progress', () => {
  it('draws a bar with counts per state, speed and time left on a terminal', () => {
    expect(progressText(progress(), true)).toBe('[████████████░░░░░░░░] 18/30 · created 15 · failed 2 · unknown 1 · to send 12 · 58/min · ETA 1:15')
    expect(progressText(progress({ paused: true, perMinute: null, etaSeconds: null, backoffUntil: 1 }), true)).toMatch(/to send 12 · paused · slowed down by the API$/)
  })

  it('writes plain sentences for a log', () => {
    expect(progressText(progress(), false)).toBe(
      'Run 7: 18 of 30 orders done (15 created, 2 failed, 1 unknown, 12 to send); 58 orders/min, about 1:15 left'
    )
  })

  it('redraws one line in place on a terminal and prints messages above it', () => {
    let err = ''
    let now = 0
    const view = progressView({ stdout: () => {}, stderr: (t) => (err += t), env: {}, cwd: '/', isTTY: true }, () => now)
    view.update(progress())
    now = 50
    view.update(progress({ counts: { ...progress().counts, succeeded: 16 } }))
    expect(err.split('\r\x1b[2K').filter(Boolean)).toHaveLength(1)
    view.line('Order #3 (row 4): not created: 600: wrong email')
    view.finish()
    const parts = err.split('\r\x1b[2K').filter(Boolean)
    expect(parts[1]).toBe('Order #3 (row 4): not created: 600: wrong email\n')
    expect(parts.at(-1)).toMatch(/^\[.*created 16 .*\n$/)
  })

  it('prints at most one line every few seconds without a terminal', () => {
    let err = ''
    let now = 0
    const view = progressView({ stdout: () => {}, stderr: (t) => (err += t), env: {}, cwd: '/', isTTY: false }, () => now)
    for (let t = 0; t <= 3 * PLAIN_INTERVAL_MS; t += 100) {
      now = t
      view.update(progress())
    }
    view.finish()
    expect(err.trim().split('\n')).toHaveLength(3)
    expect(err).not.toContain('\r')
  })

  it('formats durations', () => {
    expect([formatDuration(0), formatDuration(59.6), formatDuration(75), formatDuration(3725)]).toEqual(['0:00', '1:00', '1:15', '1:02:05'])
  })
})
