// Collects issues while the plan is built and hands them back in reading order: sheet-wide
// problems first, then by row, and inside a row by column from left to right (problems of the
// whole order, which have no column, after the cell problems of its first row).
import type { Issue } from './issue'

/** Column position used for sorting when an issue has no column. */
export const NO_COLUMN = Number.MAX_SAFE_INTEGER

export class IssueCollector {
  private readonly list: Issue[] = []
  // Parallel to `list`: sheet column index of each issue, so sorting needs no extra objects.
  private readonly columns: number[] = []

  add(issue: Issue, columnIndex: number = NO_COLUMN): void {
    this.list.push(issue)
    this.columns.push(columnIndex)
  }

  get issues(): readonly Issue[] {
    return this.list
  }

  sorted(): Issue[] {
    const order = this.list.map((_, i) => i)
    order.sort((a, b) => {
      const ra = this.list[a]?.row ?? -1
      const rb = this.list[b]?.row ?? -1
      if (ra !== rb) return ra - rb
      const ca = this.columns[a] ?? NO_COLUMN
      const cb = this.columns[b] ?? NO_COLUMN
      return ca !== cb ? ca - cb : a - b
    })
    return order.map((i) => this.list[i] as Issue)
  }
}
