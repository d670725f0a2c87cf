// Sizes of the review grid. Rows have one fixed height, so the rows in view follow from the
// scroll position alone and only those are put in the DOM.

export const ROW_HEIGHT = 32
export const HEAD_HEIGHT = 36
export const COLUMN_WIDTH = 160
/** Include checkbox, sheet row, order number, status. */
export const LEAD_WIDTHS = [40, 64, 64, 128] as const
export const LEAD_WIDTH = LEAD_WIDTHS.reduce((a, b) => a + b, 0)
/** All four lead columns stay in view when scrolling sideways, each at the sum of the widths
 * before it, so a problem cell's row status is never hidden under another sticky cell. Data
 * columns scroll under all of them (scrollToShowColumn counts on that). */
export const STICKY_LEFT: readonly number[] = LEAD_WIDTHS.map((_, i) => LEAD_WIDTHS.slice(0, i).reduce((a, b) => a + b, 0))
export const OVERSCAN = 6
/** Used until the viewport can be measured (and in test DOMs, which have no layout). */
export const FALLBACK_HEIGHT = 600

export interface RowRange {
  first: number
  last: number
}

/** Rows to render for a scroll position: those in view plus a few either side. Empty when last < first. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowCount: number): RowRange {
  const body = Math.max(ROW_HEIGHT, viewportHeight - HEAD_HEIGHT)
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + body) / ROW_HEIGHT) + OVERSCAN)
  return { first, last }
}

/** The scrollTop that brings a row into view, or null when it already is. */
export function scrollToShowRow(index: number, scrollTop: number, viewportHeight: number): number | null {
  return scrollToShow(index * ROW_HEIGHT, ROW_HEIGHT, scrollTop, viewportHeight - HEAD_HEIGHT)
}

/** The scrollLeft that brings a data column into view past the sticky lead columns, or null. */
export function scrollToShowColumn(column: number, scrollLeft: number, viewportWidth: number): number | null {
  return scrollToShow(column * COLUMN_WIDTH, COLUMN_WIDTH, scrollLeft, viewportWidth - LEAD_WIDTH)
}

/** The scroll offset that shows [start, start + size) in a visible span (at least one item
 * wide) beginning at `scroll`, or null when it is shown already. */
function scrollToShow(start: number, size: number, scroll: number, visible: number): number | null {
  const span = Math.max(size, visible)
  if (start < scroll) return start
  if (start + size > scroll + span) return start + size - span
  return null
}
