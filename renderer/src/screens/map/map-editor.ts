// What every part of the Map screen needs: the sheet's columns and the mapping being edited.
import type { FieldMatch } from '#shared/mapping/auto-map'
import type { Mapping } from '#shared/mapping/mapping'
import type { ColumnChoice } from '../../lib/columns'

export interface MapEditor {
  mapping: Mapping
  headers: readonly string[]
  choices: readonly ColumnChoice[]
  samples: readonly string[]
  matches: readonly FieldMatch[]
  template: string | null
  update: (next: Mapping) => void
}

/** First non-empty value under the header in the raw preview, per column. */
export function columnSamples(rows: ReadonlyArray<{ row: number; cells: string[] }>, headerRow: number, width: number): string[] {
  const samples: string[] = Array.from({ length: width }, () => '')
  for (const { row, cells } of rows) {
    if (row <= headerRow) continue
    cells.forEach((cell, i) => {
      if (i < width && !samples[i] && cell.trim()) samples[i] = cell.trim().slice(0, 40)
    })
  }
  return samples
}
