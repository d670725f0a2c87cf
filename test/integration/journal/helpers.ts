// Shared set-up for the journal tests: real files in a fresh temp folder, a sample run and
// sample orders, and a way to put an order in any state through the public API.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Journal } from '../../../electron/main/journal'
import type { CreateRunInput, OrderState, Payload, StageOrderInput } from '../../../electron/main/journal'

export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'orderbatch-journal-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** The destination of runInput()'s runs. */
export const SHOP = 'shop shop-owner https://shop.example.com/'

export function runInput(overrides: Partial<CreateRunInput> = {}): CreateRunInput {
  const file = 'email;name\na@example.com;Anna\n'
  return {
    sourceName: 'orders.csv',
    sourceHash: sha256(file),
    sourceSize: file.length,
    sheet: null,
    mapping: { version: 1, groupBy: null },
    settings: { rate: 2, concurrency: 1, apiBase: 'https://shop.example.com', login: 'shop-owner' },
    destination: SHOP,
    ...overrides
  }
}

export function payloadFor(ordinal: number): Payload {
  return [
    ['goods[0][good_name]', 'course-1'],
    ['goods[0][good_sum]', '1990.50'],
    ['bill_email', `buyer${ordinal}@example.com`],
    ['bill_first_name', 'Иван'],
    ['bill_tag', `imp-${ordinal}`]
  ]
}

export function orderInput(ordinal: number, overrides: Partial<StageOrderInput> = {}): StageOrderInput {
  return {
    ordinal,
    groupKey: `A-${ordinal}`,
    fingerprint: sha256(`order ${ordinal}`),
    payload: payloadFor(ordinal),
    email: `buyer${ordinal}@example.com`,
    rows: [{ sheetRow: ordinal + 1, cells: [`buyer${ordinal}@example.com`, 'Иван', 1990.5, null, true] }],
    ...overrides
  }
}

export function orderInputs(count: number): StageOrderInput[] {
  return Array.from({ length: count }, (_, i) => orderInput(i + 1))
}

/** A journal with one staged run of `count` orders; returns the order ids in file order. */
export function stagedJournal(path: string, count: number, now?: () => number): { journal: Journal; runId: number; orderIds: number[] } {
  const journal = Journal.open(path, now === undefined ? {} : { now })
  const run = journal.createRun(runInput())
  journal.stageOrders(run.id, orderInputs(count))
  const orderIds = journal.ordersByState(run.id, ['pending'], { offset: 0, limit: count }).map((order) => order.id)
  return { journal, runId: run.id, orderIds }
}

let nextBill = 5000

/** Drives a pending order into `state` using only the public API. */
export function driveTo(journal: Journal, orderId: number, state: OrderState): void {
  if (state === 'pending') return
  if (state === 'skipped') {
    journal.skip(orderId, 'not wanted')
    return
  }
  const { attemptId } = journal.beginAttempt(orderId)
  if (state === 'sending') return
  if (state === 'succeeded') journal.recordCreated(orderId, attemptId, { billId: nextBill++, existed: false, raw: '{"error_code":0}', httpStatus: 200 })
  if (state === 'failed') journal.recordFailed(orderId, attemptId, { code: 4, text: 'bill_email is not valid', raw: '{"error_code":4}' })
  if (state === 'unknown') journal.recordUnknown(orderId, attemptId, { reason: 'timed out waiting for the answer' })
}
