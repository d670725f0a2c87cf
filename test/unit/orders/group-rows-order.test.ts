// groupRows skips its map while order numbers rise and uses the row above for repeated lines;
// the grouping must be exactly the plain one-map reading in every arrangement.
import { describe, expect, it } from 'vitest'
import { groupRows } from '#shared/plan/group-rows'
import { cellToText } from '#shared/transforms/index'
import type { Cell } from '#shared/sheet/sheet'
import { sheet } from './helpers'
import { seeded } from '../../helpers/seeded'

/** The reference: one map from order number to order, empty numbers each their own order. */
function reference(cells: Cell[]): { orderOf: number[]; keys: Array<string | null> } {
  const orderOf: number[] = []
  const keys: Array<string | null> = []
  const byKey = new Map<string, number>()
  for (const cell of cells) {
    const key = cellToText(cell, { trim: true })
    const known = key === '' ? undefined : byKey.get(key)
    if (known !== undefined) {
      orderOf.push(known)
      continue
    }
    orderOf.push(keys.length)
    if (key !== '') byKey.set(key, keys.length)
    keys.push(key === '' ? null : key)
  }
  return { orderOf, keys }
}

function check(cells: Cell[]): void {
  const grouping = groupRows(sheet(['No'], cells.map((c) => [c])), { column: 0, name: 'column "No"', header: 'No' })
  const expected = reference(cells)
  expect([...grouping.orderOf], JSON.stringify(cells)).toEqual(expected.orderOf)
  expect(grouping.keys).toEqual(expected.keys)
  expect(grouping.issues.map((i) => i.row)).toEqual(cells.flatMap((c, r) => (cellToText(c, { trim: true }) === '' ? [r + 2] : [])))
}

describe('groupRows keeps the one-map grouping', () => {
  it('for rising numbers, repeats after them, leading zeros, long numbers, text and blanks', () => {
    check(['1', '2', '2', '3', '10', '11', '11'])
    check(['1', '2', '3', '2', '4', '1'])
    check(['7', '007', '7', '0', '00', '0'])
    check(['5', '3', '5', '3'])
    check(['1', '', '1', '2', '', '2', ' 2 ', 2, '3'])
    check(['999999999999999', '9999999999999999', '1000000000000000', '9999999999999999', '999999999999999'])
    check(['1', '2', 'A-1', '1', 'A-1', '3'])
    check([1, 2, 3, 2, 1.5, '1.5', 4])
    check(['', '', null, ' '])
  })

  it('for random sheets of numbers and text, sorted, shuffled and with lines apart', () => {
    const random = seeded(99)
    const pool = ['1', '2', '3', '10', '12', '007', '7', '0', 'A', 'a', '', ' 3', '3 ', 'x-1', '1e3', '-1', '18014398509481984']
    for (let t = 0; t < 400; t++) {
      const cells: Cell[] = []
      const length = Math.floor(random() * 30)
      let rising = Math.floor(random() * 5)
      for (let i = 0; i < length; i++) {
        const roll = random()
        if (roll < 0.5) cells.push(String((rising += Math.floor(random() * 3))))
        else if (roll < 0.7 && cells.length > 0) cells.push(cells[Math.floor(random() * cells.length)]!)
        else cells.push(pool[Math.floor(random() * pool.length)]!)
      }
      check(cells)
    }
  })
})
