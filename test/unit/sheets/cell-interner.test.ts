// The host makes equal texts of a column one string as the sheet worker's batches arrive
// (CellInterner): the cells must read exactly as they arrived, repeated columns must be shared,
// and a column of unique values must be left alone once judged.
import { describe, expect, it } from 'vitest'
import type { Cell } from '#shared/sheet/sheet'
import { CellInterner } from '../../../electron/main/sheets/sheet-record'
import { seeded } from '../../helpers/seeded'

describe('CellInterner', () => {
  it('leaves every cell reading as it arrived, whatever the mix of cells and row widths', () => {
    const random = seeded(14)
    const fills: Cell[] = ['course-pro', 'Russia', '', ' ', null, 7, 0, true, { v: 1, w: '1.00' } as unknown as Cell, 'Москва', 'course-pro ']
    const interner = new CellInterner()
    for (let batch = 0; batch < 5; batch++) {
      const rows: Cell[][] = []
      for (let r = 0; r < 700; r++) {
        const width = Math.floor(random() * 8)
        rows.push(Array.from({ length: width }, (_, c) => (c === 0 ? `unique-${batch}-${r}` : fills[Math.floor(random() * fills.length)]!)))
      }
      const copy = rows.map((row) => [...row])
      interner.internRows(rows)
      expect(rows).toEqual(copy)
    }
  })

  it('shares the repeated texts of a column, never a text of another column', () => {
    const interner = new CellInterner()
    const rows = Array.from({ length: 3000 }, (_, i) => ['same', `${i % 3}`, `id-${i}`])
    // Column 0: one distinct text; column 1: three; column 2: all unique (nothing to share).
    expect(interner.internRows(rows)).toBe(2999 + 2997)
    const other = [['0', 'same']]
    expect(interner.internRows(other)).toBe(0)
    expect(other).toEqual([['0', 'same']])
  })

  it('stops trying a column whose first cells are mostly unique', () => {
    const interner = new CellInterner()
    interner.internRows(Array.from({ length: 1024 }, (_, i) => [`id-${i}`]))
    // Judged: the column repeats nothing, so even repeats are no longer looked up.
    expect(interner.internRows(Array.from({ length: 100 }, () => ['id-1']))).toBe(0)
  })
})
