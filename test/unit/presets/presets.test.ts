// Every preset is data: its signature recognizes the export, and each column it names is used
// for its field when the file has it.
import { describe, expect, it } from 'vitest'
import { PRESETS, recognizeSource, type PresetColumn, type SourcePreset } from '#shared/presets/index'
import { mapSource } from '#shared/mapping/source-map'
import type { Mapping } from '#shared/mapping/mapping'

const first = (c: PresetColumn) => (typeof c === 'string' ? c : c[0]!)

/** The headers a file of this preset would have: its signature and every column it names. */
function headersOf(preset: SourcePreset): string[] {
  const names = [
    ...preset.signature.map(first),
    ...Object.values(preset.fields ?? {}).map(first),
    ...(preset.fullName ? [first(preset.fullName.column)] : []),
    ...(preset.product ?? []),
    ...(preset.price ? [first(preset.price)] : []),
    ...(preset.quantity ? [first(preset.quantity)] : []),
    ...(preset.groupBy ? [first(preset.groupBy)] : []),
    ...(preset.merchantEmail ? [first(preset.merchantEmail)] : []),
    ...(preset.time?.time ? [first(preset.time.time)] : []),
    ...(preset.time?.zone ? [first(preset.time.zone)] : [])
  ]
  return [...new Set(names)]
}

function column(mapping: Mapping, key: keyof Mapping['fields']): string | undefined {
  const field = mapping.fields[key]
  return field?.source.kind === 'column' ? field.source.column : undefined
}

describe('presets', () => {
  it('have unique ids and names', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length)
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length)
  })

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: recognized by its headers, its columns mapped', (_id, preset) => {
    const headers = headersOf(preset)
    expect(recognizeSource(headers)?.id).toBe(preset.id)
    // Without one signature header it is not this export.
    expect(recognizeSource(headers.filter((h) => h !== first(preset.signature[0]!)))?.id).not.toBe(preset.id)
    const row = headers.map((h) => (/mail/i.test(h) ? 'buyer@example.com' : h === first(preset.groupBy ?? '') ? '1001' : 'x y'))
    const result = mapSource(headers, [row, row.map((v, i) => (headers[i] === first(preset.groupBy ?? '') ? '1002' : v))], { timeZone: 'UTC' })
    expect(result.source?.id).toBe(preset.id)
    expect(result.mapping.preset).toBe(preset.id)
    for (const [key, col] of Object.entries(preset.fields ?? {})) {
      if (preset.fullName && first(preset.fullName.column) === first(col)) continue
      expect(column(result.mapping, key as keyof Mapping['fields'])).toBe(first(col))
    }
    if (preset.fullName && !preset.fields?.bill_first_name) {
      expect(result.mapping.fields.bill_first_name?.transform).toMatchObject({ namePart: 'first', nameOrder: preset.fullName.order })
      expect(result.mapping.fields.bill_surname?.transform).toMatchObject({ namePart: 'last' })
    }
    const good = result.mapping.goods[0]!
    if (preset.product && preset.product.length > 0) expect(good.name.source).toMatchObject({ kind: 'column', column: preset.product[0] })
    if (preset.product && preset.product.length === 0) expect(good.name.source.kind).toBe('none')
    if (preset.price) expect(good.sum?.source).toMatchObject({ kind: 'column', column: first(preset.price) })
    if (preset.quantity) expect(good.quantity).toMatchObject({ column: { column: first(preset.quantity) }, price: preset.priceIs ?? 'unit' })
    expect(result.mapping.groupBy?.column ?? null).toBe(preset.groupBy ? first(preset.groupBy) : null)
    if (preset.time) expect(result.mapping.fields.bill_created?.transform).toMatchObject({ timeColumn: { column: first(preset.time.time!) }, zoneColumn: { column: first(preset.time.zone!) } })
    expect(result.notes[0]).toEqual({ code: 'preset.recognized', params: { name: preset.name, id: preset.id }, level: 'info' })
  })

  it('recognize nothing in a plain list of orders', () => {
    expect(recognizeSource(['Email', 'Product', 'Price'])).toBeNull()
  })
})
