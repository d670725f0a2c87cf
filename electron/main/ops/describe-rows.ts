// The sheet rows of an order, as every message names them: "row 4", "rows 4-6", "rows 4, 9"
// (in the CLI's language when it passes its translator; as a message for the other front-ends).
import { translatorFor, type Translate } from '#shared/i18n/translate'
import { msg, renderMessage, type Message } from '#shared/i18n/message'

const ENGLISH = translatorFor('en')

export function describeRows(rows: readonly number[], t: Translate = ENGLISH): string {
  return renderMessage(t, rowsMessage(rows))
}

export function rowsMessage(rows: readonly number[]): Message {
  if (rows.length === 0) return msg('cli.sheetRows.none')
  if (rows.length === 1) return msg('cli.sheetRows.one', { row: rows[0] ?? 0 })
  const contiguous = rows.every((row, i) => i === 0 || row === (rows[i - 1] ?? 0) + 1)
  return contiguous ? msg('cli.sheetRows.range', { first: rows[0] ?? 0, last: rows[rows.length - 1] ?? 0 }) : msg('cli.sheetRows.list', { rows: rows.join(', ') })
}
