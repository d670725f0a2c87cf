// Small builders so each test shows only the columns and mapping it is about.
import type { OrderFieldKey } from '#shared/mapping/field-keys'
import type { FieldMapping, GoodMapping, Mapping } from '#shared/mapping/mapping'
import type { Cell, SheetTable } from '#shared/sheet/sheet'

/** A sheet whose first data row is sheet row 2 (row 1 holds the headers). */
export function sheet(headers: string[], rows: Cell[][], rowNumbers?: number[]): SheetTable {
  return { headers, rows, rowNumbers: rowNumbers ?? rows.map((_, i) => i + 2), date1904: false }
}

export function col(column: string, transform?: FieldMapping['transform']): FieldMapping {
  return transform ? { source: { kind: 'column', column }, transform } : { source: { kind: 'column', column } }
}

export function constant(value: string): FieldMapping {
  return { source: { kind: 'constant', value } }
}

export function good(name: string, sum?: string): GoodMapping {
  return sum === undefined ? { name: col(name) } : { name: col(name), sum: col(sum) }
}

export interface MappingParts {
  fields?: Partial<Record<OrderFieldKey, FieldMapping>>
  goods?: GoodMapping[]
  groupBy?: string | null
  shipped?: boolean
}

/** Email from "Email", product from "Product", price from "Price", unless told otherwise. */
export function mapping(parts: MappingParts = {}): Mapping {
  return {
    version: 1,
    fields: parts.fields ?? { bill_email: col('Email') },
    goods: parts.goods ?? [good('Product', 'Price')],
    groupBy: parts.groupBy ? { column: parts.groupBy } : null,
    shipped: parts.shipped ?? false,
    defaults: { dateOrder: 'auto', timeZone: 'UTC', decimal: 'auto' }
  }
}

/** 2025-01-01T00:00:00Z, the "now" of every plan in these tests. */
export const NOW = Date.UTC(2025, 0, 1)
