// The sheet worker sends each distinct text of a repeating column once (CellSharer) and the app
// gives the cells their texts back (CellUnsharer): after a structured clone, as between threads,
// every batch must read exactly as it was read, repeated columns must be shared, and a column of
// unique values must be sent as it is once judged.
import { describe, expect, it } from 'vitest'
import type { Cell } from '#shared/sheet/sheet'
import { CellSharer, CellUnsharer } from '../../../electron/main/sheets/sheet-record'
import { seeded } from '../../helpers/seeded'

function roundTrip(sharer: CellSharer, unsharer: CellUnsharer, rows: Cell[][]): { rows: Cell[][]; restored: number } {
  const shared = sharer.share(rows)
  const arrived = structuredClone({ rows, shared }, { transfer: [shared.refs.buffer as ArrayBuffer] })
  const restored = unsharer.restore(arrived.rows, arrived.shared)
  return { rows: arrived.rows, restored }
}

describe('CellSharer and CellUnsharer', () => {
  it('give back every batch as it was read, whatever the mix of cells and row widths', () => {
    const random = seeded(14)
    const fills: Cell[] = ['course-pro', 'Russia', '', ' ', null, 7, 0, true, { v: 1, w: '1.00' } as unknown as Cell, 'Москва', 'course-pro ']
    const sharer = new CellSharer()
    const unsharer = new CellUnsharer()
    for (let batch = 0; batch < 5; batch++) {
      const rows: Cell[][] = []
      for (let r = 0; r < 700; r++) {
        const width = Math.floor(random() * 8)
        rows.push(Array.from({ length: width }, (_, c) => (c === 0 ? `unique-${batch}-${r}` : fills[Math.floor(random() * fills.length)]!)))
      }
      const copy = rows.map((row) => [...row])
      expect(roundTrip(sharer, unsharer, rows).rows).toEqual(copy)
    }
  })

  it('share the texts of a column, never a text of another column', () => {
    const sharer = new CellSharer()
    const unsharer = new CellUnsharer()
    const rows = Array.from({ length: 3000 }, (_, i) => ['same', `${i % 3}`, `id-${i}`])
    const copy = rows.map((row) => [...row])
    const shared = sharer.share(rows)
    // Column 0: one distinct text; column 1: three; column 2: judged unique after 1,024 cells and
    // sent as it is from then on (its first cells went as numbers while it was tried).
    expect(shared.texts.slice(0, 4)).toEqual(['same', '0', 'id-0', '1'])
    expect(shared.texts.length).toBe(1 + 3 + 1024)
    const arrived = structuredClone({ rows, shared })
    expect(unsharer.restore(arrived.rows, arrived.shared)).toBe(3000 + 3000 + 1024)
    expect(arrived.rows).toEqual(copy)
    const other = [['0', 'same', 'id-1']]
    expect(roundTrip(sharer, unsharer, other)).toEqual({ rows: [['0', 'same', 'id-1']], restored: 2 })
  })

  it('send a column as it is once its first cells are judged mostly unique', () => {
    const sharer = new CellSharer()
    sharer.share(Array.from({ length: 1024 }, (_, i) => [`id-${i}`]))
    const later = Array.from({ length: 100 }, () => ['id-1'])
    const { texts, refs } = sharer.share(later)
    expect(texts).toEqual([])
    expect(refs.every((ref) => ref === 0)).toBe(true)
    expect(later.every((row) => row[0] === 'id-1')).toBe(true)
  })
})
