// A cell as the user sees it in the grid: text as written, numbers without float noise, a
// formatted number as the spreadsheet showed it.
import type { Cell } from '#shared/sheet/sheet'
import { shownText } from '#shared/transforms/text'

export function gridText(cell: Cell | undefined): string {
  if (cell === undefined || cell === null) return ''
  if (typeof cell === 'string') return cell
  return shownText(cell)
}
