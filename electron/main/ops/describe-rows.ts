// The sheet rows of an order, as every message names them: "row 4", "rows 4-6", "rows 4, 9".
export function describeRows(rows: readonly number[]): string {
  if (rows.length === 0) return 'no rows'
  if (rows.length === 1) return `row ${rows[0]}`
  const contiguous = rows.every((row, i) => i === 0 || row === (rows[i - 1] ?? 0) + 1)
  return contiguous ? `rows ${rows[0]}-${rows[rows.length - 1]}` : `rows ${rows.join(', ')}`
}
