// Only the newest loaded sheet is held in memory; the others are parked on disk (their file in
// the data folder's sessions/ folder, with the user's mapping, edits and excluded rows) and read
// again when used, as the user left them. Files go when their session is closed and when the
// service ends; a later start removes what a crashed one left.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionSummary } from '#shared/ipc/contract'
import { eventsOf, GROUPED_SAMPLE, sampleBytes, startTestApp, useTestApp } from './helpers'

const app = useTestApp()
let first: SessionSummary
const EMAIL_ROW = 4

/** Files under the data folder's sessions/ folder, as paths relative to it. */
function sessionFiles(dir: string): string[] {
  const root = join(dir, 'sessions')
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
}

const readingJobs = () => eventsOf(app, 'job.progress').filter((j) => j.stage === 'reading' && j.finished !== true).length

beforeAll(async () => {
  first = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
})

describe('sessions beyond the newest', () => {
  it('keep the loaded file on disk, not its bytes in memory', () => {
    expect(sessionFiles(app.dir).filter((f) => f.endsWith(`${first.sessionId}/orders.csv`))).toHaveLength(1)
  })

  it('are parked when another sheet is loaded and come back as the user left them', async () => {
    const email = first.headers.indexOf('Email')
    await app.ok('rows.edit', { sessionId: first.sessionId, row: EMAIL_ROW, column: email, value: 'maria.ivanova@example.ru' })
    await app.ok('rows.exclude', { sessionId: first.sessionId, rows: [2], excluded: true })
    const before = await app.ok('rows.page', { sessionId: first.sessionId, offset: 0, limit: 5, filter: 'all' })

    const second = await app.ok('sheet.load', { name: 'orders-grouped.xlsx', bytes: sampleBytes(GROUPED_SAMPLE) })
    expect(second.sessionId).not.toBe(first.sessionId)
    const reads = readingJobs()
    // Parked: using it reads the file again (a reading job), once.
    const after = await app.ok('rows.page', { sessionId: first.sessionId, offset: 0, limit: 5, filter: 'all' })
    expect(readingJobs()).toBe(reads + 1)
    expect(after).toEqual(before)
    expect(after.rows[0]).toMatchObject({ row: 2, excluded: true, order: null })
    expect(after.rows[EMAIL_ROW - 2]).toMatchObject({ row: EMAIL_ROW, edited: true, issues: [] })
    expect(after.counts).toMatchObject({ excludedRows: 1, orders: 29, validOrders: 29, errors: 0 })
    await app.ok('rows.page', { sessionId: first.sessionId, offset: 5, limit: 5, filter: 'all' })
    expect(readingJobs()).toBe(reads + 1)

    // And the other one is parked now, its mapping kept.
    const mapped = await app.ok('mapping.set', { sessionId: second.sessionId, mapping: { ...second.mapping, groupBy: null } })
    expect(readingJobs()).toBe(reads + 2)
    expect(mapped.mapping.groupBy).toBeNull()
    await app.ok('rows.page', { sessionId: first.sessionId, offset: 0, limit: 1, filter: 'all' })
    const again = await app.ok('mapping.previewOrder', { sessionId: second.sessionId, order: 1 })
    expect(again.order.rows).toHaveLength(1)
  })

  it('lose their file when closed', async () => {
    const extra = await app.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(sessionFiles(app.dir).some((f) => f.includes(extra.sessionId))).toBe(true)
    await app.ok('sheet.close', { sessionId: extra.sessionId })
    expect(sessionFiles(app.dir).some((f) => f.includes(extra.sessionId))).toBe(false)
  })
})

describe('the sessions folder', () => {
  it('is emptied when the service ends, and a later start removes what a dead process left', async () => {
    const dir = join(app.dir, 'other')
    const stale = join(dir, 'sessions', '999999999-abcdef12', 'some-id')
    mkdirSync(stale, { recursive: true })
    writeFileSync(join(stale, 'orders.csv'), 'left by a crash')
    const other = await startTestApp({ dir })
    expect(existsSync(stale)).toBe(false)
    await other.ok('sheet.load', { name: 'orders.csv', bytes: sampleBytes() })
    expect(sessionFiles(dir)).toHaveLength(1)
    await other.close()
    expect(sessionFiles(dir)).toEqual([])
  })
})
