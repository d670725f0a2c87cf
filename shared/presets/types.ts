// A preset: what one tool's export means, as data. Column names are headers as the tool writes
// them; a list gives alternatives (the first present in the file is used).
import type { OrderFieldKey } from '../mapping/field-keys'

export type PresetColumn = string | readonly string[]

export interface SourcePreset {
  id: string
  /** "Shopify orders export", as the user knows it. */
  name: string
  /** Headers that must all be present (compared trimmed, ignoring case) for the file to be this export. */
  signature: readonly PresetColumn[]
  /** Order-level fields. */
  fields?: Partial<Record<OrderFieldKey, PresetColumn>>
  /** A full-name column split into first name, surname (and middle name). */
  fullName?: { column: PresetColumn; order: 'given-first' | 'surname-first' }
  /** The product: product-ID columns first, a title column last. */
  product?: readonly string[]
  /** The good's price: the line price, not the order's totals. */
  price?: PresetColumn
  /** Whether `price` is the unit price (default) or the line total. */
  priceIs?: 'unit' | 'line'
  quantity?: PresetColumn
  /** The line-item grouping key: rows with the same value are one order. */
  groupBy?: PresetColumn
  /** The buyer's e-mail is `fields.bill_email`; this other e-mail column is the merchant's. */
  merchantEmail?: PresetColumn
  /** The order time's time of day and zone, in columns of their own. */
  time?: { time?: PresetColumn; zone?: PresetColumn }
  /** Columns that only look like fields (Shopify's `Source` is the sales channel, not a UTM
   * source): never mapped. */
  ignore?: readonly string[]
  /** How the tool writes dates, when its export always does it one way. */
  dateOrder?: 'dmy' | 'mdy' | 'ymd'
}
