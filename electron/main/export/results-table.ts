// The results of a run as one table: the original columns of every sheet row, then what became
// of its order. One line per sheet row; an order's result is repeated on each of its rows.
import type { Journal, OrderRecord, OrderState, RunRecord } from '../journal'
import { LANGUAGES, type Language } from '#shared/i18n/language'
import { translatorFor, type Translate } from '#shared/i18n/translate'
import { storedText } from '#shared/i18n/message'
import { readRunInfo } from '../journal'

export const RESULT_COLUMNS = ['Run order', 'State', 'Bill ID', 'Error code', 'Error'] as const
export const RUN_ORDER_COLUMN = RESULT_COLUMNS[0]

/** The result columns' headers in a language (the API's own texts under them stay as it gives them). */
export function resultColumns(language: Language): string[] {
  const t = translatorFor(language)
  return [t('export.col.runOrder'), t('export.col.state'), t('export.col.billId'), t('export.col.errorCode'), t('export.col.error')]
}

/** Every language's result headers: a corrected export is read back whatever language wrote it. */
export const ALL_RESULT_COLUMNS: ReadonlySet<string> = new Set(LANGUAGES.flatMap(resultColumns))
export const RUN_ORDER_COLUMNS: ReadonlySet<string> = new Set(LANGUAGES.map((language) => resultColumns(language)[0] as string))

export const EXPORT_FILTERS = ['failed', 'unknown', 'succeeded'] as const
export type ExportFilter = (typeof EXPORT_FILTERS)[number]

export interface ResultsTable {
  headers: string[]
  /** Text only: nothing here is a number or a formula. */
  rows: string[][]
}

const ALL_STATES: readonly OrderState[] = ['pending', 'sending', 'succeeded', 'failed', 'unknown', 'skipped']

export function resultsTable(journal: Journal, run: RunRecord, only?: ExportFilter, language: Language = 'en'): ResultsTable {
  const states = only === undefined ? ALL_STATES : [only]
  const t = translatorFor(language)
  const steps = journal.statusSteps(run.id)
  const lines: Array<{ cells: string[]; result: string[] }> = []
  let width = 0
  for (const order of journal.orders(run.id, states)) {
    const after = journal.orderAfter(order.id)
    const result = resultCells(order, after.deleted, steps.get(order.id) ?? null, after.note, t)
    for (const row of journal.orderRows(order.id)) {
      const cells = row.cells.map(cellText)
      width = Math.max(width, cells.length)
      lines.push({ cells, result })
    }
  }
  const stored = readRunInfo(run).source?.headers
  const original = stored ?? Array.from({ length: width }, (_, i) => `Column ${i + 1}`)
  const columns = Math.max(original.length, width)
  const headers = [...original, ...Array.from({ length: columns - original.length }, (_, i) => `Column ${original.length + i + 1}`)]
  return {
    headers: [...headers, ...resultColumns(language)],
    rows: lines.map(({ cells, result }) => [...cells, ...Array<string>(columns - cells.length).fill(''), ...result])
  }
}

function resultCells(order: OrderRecord, deleted: boolean, step: StepView | null, afterNote: string | null, t: Translate): string[] {
  const stepProblem = order.state === 'succeeded' && step !== null && step.state !== 'done' ? (step.errorText ?? '') : ''
  // Without a problem to tell, what was done with the order afterwards (undo, the user's decision).
  const problem = stepProblem !== '' ? stepProblem : problemText(order) || (afterNote ?? '')
  return [
    String(order.ordinal),
    stateLabel(order, deleted, step, t),
    order.billId === null ? '' : String(order.billId),
    order.errorCode === null ? '' : String(order.errorCode),
    // A note of ours is worded in the export's language; the shop's answers stay as they are.
    problem === '' ? '' : storedText(t, problem)
  ]
}

/** An order's status step as the results show it. */
export interface StepView {
  status: string
  state: string
  errorText: string | null
}

const ENGLISH = translatorFor('en')

/** "created, marked paid" once the status step is done, else "created, not marked paid". */
export function stepLabel(created: string, step: StepView | null, t: Translate = ENGLISH): string {
  if (step === null) return created
  const status = step.status === 'paid' || step.status === 'cancel' || step.status === 'return' ? t(`status.${step.status}`) : step.status
  return t(step.state === 'done' ? 'export.state.marked' : 'export.state.notMarked', { created, status })
}

/** The State column's value in the export's language (no tool reads it back: retry --from
 * matches orders by the "Run order" column and looks their state up in the journal). */
export function stateLabel(order: Pick<OrderRecord, 'state' | 'existed'>, deleted = false, step: StepView | null = null, t: Translate = ENGLISH): string {
  switch (order.state) {
    case 'succeeded':
      return deleted ? t('export.state.deleted') : stepLabel(t(order.existed ? 'export.state.existed' : 'export.state.created'), step, t)
    case 'pending':
      return t('export.state.pending')
    default:
      return t(`export.state.${order.state}`)
  }
}

function problemText(order: OrderRecord): string {
  if (order.state === 'skipped') return order.skipReason ?? ''
  if (order.state === 'succeeded') return ''
  return order.errorText ?? ''
}

/** A stored sheet cell as the text the user saw. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  if (typeof cell === 'object' && typeof (cell as { w?: unknown }).w === 'string') return (cell as { w: string }).w
  return JSON.stringify(cell)
}
