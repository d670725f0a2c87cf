// Pages of grid rows fetched from main, kept only around where the user is looking: scrolling
// through 100,000 rows never holds more than a few pages in the renderer.
import type { GridRow } from '#shared/ipc/contract'

export class RowPageCache {
  private readonly pages = new Map<number, GridRow[]>()
  private readonly pending = new Set<number>()
  private focus = 0

  constructor(
    readonly pageSize: number,
    readonly maxPages: number
  ) {}

  get(index: number): GridRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /** Pages covering rows first..last that are neither held nor on their way. */
  missing(first: number, last: number): number[] {
    const from = Math.floor(Math.max(0, first) / this.pageSize)
    const to = Math.floor(Math.max(0, last) / this.pageSize)
    this.focus = (from + to) / 2
    const wanted: number[] = []
    for (let page = from; page <= to; page++) if (!this.pages.has(page) && !this.pending.has(page)) wanted.push(page)
    return wanted
  }

  request(page: number): void {
    this.pending.add(page)
  }

  /** The request for a page ended; rows are stored when it brought some. */
  settle(page: number, rows: GridRow[] | null): void {
    this.pending.delete(page)
    if (!rows) return
    this.pages.set(page, rows)
    this.evict()
  }

  /** Puts a changed row in place; false when its page is not held. */
  replace(row: GridRow): boolean {
    for (const [page, rows] of this.pages) {
      const i = rows.findIndex((r) => r.row === row.row)
      if (i >= 0) {
        const copy = rows.slice()
        copy[i] = row
        this.pages.set(page, copy)
        return true
      }
    }
    return false
  }

  clear(): void {
    this.pages.clear()
    this.pending.clear()
  }

  get size(): number {
    return this.pages.size
  }

  /** Drops the pages farthest from where the user looked last. */
  private evict(): void {
    while (this.pages.size > this.maxPages) {
      let farthest = -1
      let distance = -1
      for (const page of this.pages.keys()) {
        const d = Math.abs(page - this.focus)
        if (d > distance) {
          distance = d
          farthest = page
        }
      }
      this.pages.delete(farthest)
    }
  }
}
