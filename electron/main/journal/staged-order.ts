// Checks on an order before it is written. They run inside the staging transaction, so one bad
// order anywhere in the sheet leaves nothing staged, and the message says which order it was.
import { JournalError } from './errors'
import { checkStatusStep } from './status-steps'
import type { Statements } from './statements'
import type { StagedRow, StageOrderInput } from './types'

export function checkStagedOrder(path: string, order: StageOrderInput): void {
  const where = `Order #${String(order.ordinal)}`
  const refuse = (problem: string): never => {
    throw new JournalError('invalid-input', path, `${where} cannot be saved in the journal ${path}: ${problem}. Nothing was saved.`)
  }
  if (!Number.isSafeInteger(order.ordinal) || order.ordinal < 1) refuse('its number in the file must be 1 or more')
  if (typeof order.fingerprint !== 'string' || order.fingerprint === '') refuse('it has no fingerprint')
  if (typeof order.email !== 'string') refuse('its e-mail must be text')
  if (order.groupKey !== null && typeof order.groupKey !== 'string') refuse('its group key must be text or empty')
  // A rejected order is never sent, so it may lack every parameter (a row with nothing usable).
  if (!Array.isArray(order.payload)) refuse('it has no CreateOrder parameters')
  if (order.payload.length === 0 && order.rejected === undefined) refuse('it has no CreateOrder parameters')
  if (order.rejected !== undefined && (typeof order.rejected.code !== 'string' || typeof order.rejected.text !== 'string')) {
    refuse('the reason it was rejected must be a code and a text')
  }
  for (const pair of order.payload) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      refuse('every CreateOrder parameter must be a [name, text value] pair')
    }
    // The hash is computed from the API key at send time; a stored hash would be stale and
    // derived from the secret.
    if (pair[0] === 'hash') refuse("its parameters contain 'hash', which is added only when sending")
  }
  if (order.status !== undefined) {
    const problem = checkStatusStep(order.status)
    if (problem !== null) refuse(problem)
  }
  if (!Array.isArray(order.rows) || order.rows.length === 0) refuse('it must come from at least one sheet row')
  const seen = new Set<number>()
  for (const row of order.rows) {
    if (!Number.isSafeInteger(row.sheetRow) || row.sheetRow < 1) refuse('its sheet row numbers must be 1 or more')
    if (seen.has(row.sheetRow)) refuse(`sheet row ${row.sheetRow} is listed twice`)
    seen.add(row.sheetRow)
    if (!Array.isArray(row.cells)) refuse(`the cells of sheet row ${row.sheetRow} must be a list`)
  }
}

export function insertOrderRows(path: string, st: Statements, orderId: number, rows: readonly StagedRow[]): void {
  for (const row of rows) st.insertOrderRow.run(orderId, row.sheetRow, cellsJson(path, row))
}

function cellsJson(path: string, row: StagedRow): string {
  try {
    return JSON.stringify(row.cells)
  } catch (cause) {
    throw new JournalError(
      'invalid-input',
      path,
      `The cells of sheet row ${row.sheetRow} cannot be saved in the journal ${path} (they are not plain values). Nothing was saved.`,
      { cause }
    )
  }
}
