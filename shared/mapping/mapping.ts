// The mapping from a sheet to CreateOrder orders. Serializable (JSON) so it can be saved as a
// template, edited by hand and passed back to the CLI with --mapping.
import { z } from 'zod'
import { ORDER_FIELD_KEYS } from './field-keys'
import { BacklogTimerKillSchema, StatusMappingSchema } from './order-status'

/** Where a column is: by header text, and which occurrence when a header repeats. */
export const ColumnRefSchema = z.object({
  column: z.string().min(1),
  /** 1-based occurrence among columns with this same header text; default 1. */
  occurrence: z.number().int().min(1).optional(),
  /** `column` is a column letter ("C"), for a column whose header is empty. */
  letter: z.boolean().optional()
})
export type ColumnRef = z.infer<typeof ColumnRefSchema>

export const FieldSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column: z.string().min(1), occurrence: z.number().int().min(1).optional(), letter: z.boolean().optional() }),
  z.object({ kind: z.literal('constant'), value: z.string() }),
  z.object({ kind: z.literal('none') })
])
export type FieldSource = z.infer<typeof FieldSourceSchema>

export const DateOrderSchema = z.enum(['auto', 'ymd', 'dmy', 'mdy'])
export type DateOrder = z.infer<typeof DateOrderSchema>
export const DecimalSeparatorSchema = z.enum(['auto', '.', ','])
export type DecimalSeparator = z.infer<typeof DecimalSeparatorSchema>

/** Transform options; per field they override the mapping-wide defaults. */
export const TransformOptionsSchema = z.object({
  /** How to read ambiguous dates like 03/04/2024. */
  dateOrder: DateOrderSchema.optional(),
  /** IANA time zone for dates without an offset, e.g. 'Europe/Moscow'. */
  timeZone: z.string().min(1).optional(),
  /** Decimal separator for money. */
  decimal: DecimalSeparatorSchema.optional(),
  /** Trim surrounding white space (default true). */
  trim: z.boolean().optional(),
  /** The column holds a full name: this field takes this part of it. */
  namePart: z.enum(['first', 'last', 'middle']).optional(),
  /** How the full name is written: 'given-first' ("John Smith") or 'surname-first' (a Russian
   * ФИО, "Иванов Иван Иванович"). Default 'given-first'. */
  nameOrder: z.enum(['given-first', 'surname-first']).optional(),
  /** Dates: the time of day is in this other column (PayPal's Date, Time). */
  timeColumn: ColumnRefSchema.optional(),
  /** Dates: the time zone (PST, +0300, Europe/Moscow) is in this other column (PayPal's TimeZone). */
  zoneColumn: ColumnRefSchema.optional()
})
export type TransformOptions = z.infer<typeof TransformOptionsSchema>

export const FieldMappingSchema = z.object({
  source: FieldSourceSchema,
  transform: TransformOptionsSchema.optional()
})
export type FieldMapping = z.infer<typeof FieldMappingSchema>

export const GoodMappingSchema = z.object({
  name: FieldMappingSchema,
  /** Absent or kind 'none': the shop price is used (good_sum is not sent). */
  sum: FieldMappingSchema.optional(),
  /** How many of the good the row has. The API has no quantity: 'repeat' sends the good that
   * many times, 'multiply' sends it once at price x quantity. `price` says whether the price
   * column holds the unit price (default) or the line total. */
  quantity: z
    .object({ column: ColumnRefSchema, mode: z.enum(['repeat', 'multiply']), price: z.enum(['unit', 'line']).optional() })
    .optional()
})
export type GoodMapping = z.infer<typeof GoodMappingSchema>

const orderFieldsShape = Object.fromEntries(
  ORDER_FIELD_KEYS.map((key) => [key, FieldMappingSchema.optional()])
) as Record<(typeof ORDER_FIELD_KEYS)[number], z.ZodOptional<typeof FieldMappingSchema>>

export const MappingSchema = z.object({
  version: z.literal(1),
  /** Order-level fields; a missing key means "not mapped". */
  fields: z.object(orderFieldsShape).strict(),
  /** Good 1, good 2, ... taken from the same row. At least one. */
  goods: z.array(GoodMappingSchema).min(1),
  /** Rows with the same value in this column form one order (order number). */
  groupBy: ColumnRefSchema.nullable(),
  /** The goods are shipped by mail: delivery fields become required. */
  shipped: z.boolean(),
  defaults: z.object({
    dateOrder: DateOrderSchema,
    timeZone: z.string().min(1),
    decimal: DecimalSeparatorSchema
  }),
  /** The export format the file was recognized as (a preset id, e.g. 'shopify-orders'). */
  preset: z.string().optional(),
  /** Columns chosen by a rule among look-alikes, kept until the user confirms them; each is a
   * warning until then. `field` is the API key or 'groupBy'. */
  guesses: z.array(z.object({ field: z.string(), column: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })).optional(),
  /** Rows whose first filled cell says Итого/Total (totals and subtotals) are left out. Default true. */
  skipTotals: z.boolean().optional(),
  /** The order's status (paid, cancelled, returned) and payment date: a second call,
   * UpdateOrderStatus, after CreateOrder. Absent: every order is a new, unpaid invoice. */
  status: StatusMappingSchema.optional(),
  /** bill_timer_kill for orders created in the past when the sheet does not map it (default 'never'). */
  backlogTimerKill: BacklogTimerKillSchema.optional(),
  /** Product choices: a product value of the sheet -> the shop product (good_name) it is sent as,
   * like `import --product VALUE=NAME` (which wins over an entry here). The app keeps its choices
   * in its templates; a run's stored mapping has the choices it was sent with (both front-ends),
   * which its corrected rows get too. Absent: none. */
  products: z.record(z.string().min(1), z.string().min(1)).optional()
})
export type Mapping = z.infer<typeof MappingSchema>

/** The mapping with these product choices (none: the mapping as it is, without the field). */
export function withProducts(mapping: Mapping, choices: Readonly<Record<string, string>>): Mapping {
  if (Object.keys(choices).length === 0) return mapping
  return { ...mapping, products: { ...choices } }
}

export const DEFAULT_TRANSFORM_DEFAULTS: Mapping['defaults'] = {
  dateOrder: 'auto',
  timeZone: 'UTC',
  decimal: 'auto'
}

/** Index of the column a reference points to, or -1 when the sheet has no such column.
 * Header text is compared exactly after trimming, so a template saved for one file finds its
 * columns again in the next export of the same system. */
export function resolveColumn(headers: readonly string[], ref: ColumnRef): number {
  if (ref.letter) {
    const index = letterIndex(ref.column)
    return index >= 0 && index < headers.length ? index : -1
  }
  const wanted = ref.column.trim()
  let seen = 0
  for (let i = 0; i < headers.length; i++) {
    if ((headers[i] ?? '').trim() !== wanted) continue
    seen += 1
    if (seen === (ref.occurrence ?? 1)) return i
  }
  return -1
}

/** 0-based index of a column letter ("A" -> 0, "AA" -> 26), or -1 when it is not one. */
export function letterIndex(text: string): number {
  const letters = text.trim().toUpperCase()
  if (!/^[A-Z]{1,3}$/.test(letters)) return -1
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}
