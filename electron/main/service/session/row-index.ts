// Sheet row number -> position in the table's rows. Rows are read top to bottom, so the numbers
// usually rise and a binary search over them needs no memory of its own; a Map (about 100 bytes a
// row) is made only for a table whose numbers do not rise.

export interface RowLookup {
  get(row: number): number | undefined
  has(row: number): boolean
}

export function rowIndex(rowNumbers: readonly number[]): RowLookup {
  for (let i = 1; i < rowNumbers.length; i++) {
    if ((rowNumbers[i] as number) <= (rowNumbers[i - 1] as number)) return new Map(rowNumbers.map((row, p) => [row, p]))
  }
  const get = (row: number): number | undefined => {
    let lo = 0
    let hi = rowNumbers.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const at = rowNumbers[mid] as number
      if (at === row) return mid
      if (at < row) lo = mid + 1
      else hi = mid - 1
    }
    return undefined
  }
  return { get, has: (row) => get(row) !== undefined }
}
