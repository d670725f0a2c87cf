import { describe, expect, it } from 'vitest'
import { cellText } from '#shared/plan/import-plan-text'
import type { Cell } from '#shared/sheet/sheet'
import { cellToText } from '#shared/transforms/index'

const CELLS: Cell[] = [
  null,
  '',
  'Ann',
  ' Ann ',
  '\u00a0Ann\u00a0',
  'Ann\u200b',
  '\ufeffAnn',
  '\u3000東京\u3000',
  '東京',
  'Мария',
  ' Мария',
  'Мария\t',
  'a\u2028',
  'x',
  ' ',
  '00123',
  1001,
  1500.5,
  true,
  { v: 45352.5, z: 'yyyy-mm-dd hh:mm', w: '2024-03-01 12:00', date: true },
  { v: 123, z: '000000', w: ' 000123 ' }
]

describe('cellText', () => {
  for (const trim of [true, false]) {
    it(`reads every kind of cell exactly as cellToText does (trim ${trim})`, () => {
      for (const cell of CELLS) expect([cell, cellText(cell, { trim })]).toEqual([cell, cellToText(cell, { trim })])
    })
  }

  it('trims invisible and non-breaking spaces around a text', () => {
    expect(cellText('\u00a0Ann\u200b', { trim: true })).toBe('Ann')
  })
})
