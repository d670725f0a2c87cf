// The sheet rows of an order, as every message names them: "row 4", "rows 4-6", "rows 4, 9"
// (in the CLI's language when it passes its translator).
import { translatorFor, type Translate } from '#shared/i18n/translate'

const ENGLISH = translatorFor('en')

export function describeRows(rows: readonly number[], t: Translate = ENGLISH): string {
  if (rows.length === 0) return t('cli.sheetRows.none')
  if (rows.length === 1) return t('cli.sheetRows.one', { row: rows[0] })
  const contiguous = rows.every((row, i) => i === 0 || row === (rows[i - 1] ?? 0) + 1)
  return contiguous ? t('cli.sheetRows.range', { first: rows[0], last: rows[rows.length - 1] }) : t('cli.sheetRows.list', { rows: rows.join(', ') })
}
