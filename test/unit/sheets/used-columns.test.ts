// buildTable keeps the columns from the first to the last one with anything in them, reading
// rows from their ends; the span must be the one a full scan of every cell gives.
import { describe, expect, it } from 'vitest'
import { buildTable } from '../../../electron/main/sheets/build-table'
import type { Cell } from '#shared/sheet/sheet'
import { seeded } from '../../helpers/seeded'

const blank = (cell: Cell | undefined): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')

describe('used columns', () => {
  it('match a full scan for random ragged rows with blank edges', () => {
    const random = seeded(5)
    const fills: Cell[] = ['x', 'Email', 'a@b.c', '', ' ', null, 7, '\u00a0']
    for (let t = 0; t < 300; t++) {
      const rows: Cell[][] = []
      const count = 2 + Math.floor(random() * 6)
      for (let r = 0; r < count; r++) rows.push(Array.from({ length: Math.floor(random() * 9) }, () => fills[Math.floor(random() * fills.length)]!))
      rows[0] = ['Email', 'Name', ...(rows[0] ?? [])]
      rows[1] = ['a@b.c', 'Ann', ...(rows[1] ?? [])]
      const copy = rows.map((row) => [...row])
      let from = Infinity
      let to = 0
      for (const row of copy) row.forEach((cell, c) => {
        if (blank(cell)) return
        from = Math.min(from, c)
        to = Math.max(to, c + 1)
      })
      const { table } = buildTable({ cells: rows, rows: rows.map((_, i) => i + 1) }, { file: 'x.csv', headerRow: 1, missing: '', date1904: false, maxRows: 1000, where: 'the file', sheet: null })
      expect(table.headers.length, JSON.stringify(copy)).toBe(to - from)
      for (let r = 1; r < copy.length; r++) {
        const expected = copy[r]!.slice(from, to).map((cell) => (cell === undefined ? '' : cell))
        while (expected.length < to - from) expected.push('')
        expect(table.rows[r - 1], JSON.stringify(copy)).toEqual(expected)
      }
    }
  })
})
