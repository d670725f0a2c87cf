// The order's status as the sheet tells it (issue 12 §2): paid, cancelled or returned orders are
// created by CreateOrder and then marked with UpdateOrderStatus; every other order stays a new,
// unpaid invoice. The status comes from a column, read through a value table (sheet value ->
// status) that is stored with the mapping and shown to the user, or is one status for the whole
// file. The payment date (UpdateOrderStatus `date`) comes from a column or is the created date.
import { LocalizedError, msg } from '../i18n/message'
import { z } from 'zod'

// Kept free of mapping.ts (which embeds these schemas) so the two modules do not import each other.
const ColumnRefSchema = z.object({ column: z.string().min(1), occurrence: z.number().int().min(1).optional(), letter: z.boolean().optional() })
const DateTransformSchema = z.object({ dateOrder: z.enum(['auto', 'ymd', 'dmy', 'mdy']).optional(), timeZone: z.string().min(1).optional() })

/** What UpdateOrderStatus is asked to set (its `status` parameter). */
export const ORDER_STATUSES = ['paid', 'cancel', 'return'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** A status choice: 'none' keeps the order a new, unpaid invoice (no second call). */
export const STATUS_CHOICES = ['none', ...ORDER_STATUSES] as const
export const StatusChoiceSchema = z.enum(STATUS_CHOICES)
export type StatusChoice = z.infer<typeof StatusChoiceSchema>

export const StatusValueSchema = z.object({
  /** The sheet's value; compared without case and surrounding spaces. */
  value: z.string(),
  status: StatusChoiceSchema
})
export type StatusValue = z.infer<typeof StatusValueSchema>

export const StatusSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column: z.string().min(1), occurrence: z.number().int().min(1).optional(), letter: z.boolean().optional() }),
  z.object({ kind: z.literal('constant'), value: StatusChoiceSchema })
])
export type StatusSource = z.infer<typeof StatusSourceSchema>

export const PaidAtSchema = z.discriminatedUnion('kind', [
  /** The payment date is in this column (read like bill_created, with its own transform). */
  z.object({ kind: z.literal('column'), column: ColumnRefSchema, transform: DateTransformSchema.optional() }),
  /** The payment date is the order's created date (bill_created), else the time of sending. */
  z.object({ kind: z.literal('created') })
])
export type PaidAt = z.infer<typeof PaidAtSchema>

export const StatusMappingSchema = z.object({
  source: StatusSourceSchema,
  /** The value table for a column source: each sheet value and the status it means. */
  values: z.array(StatusValueSchema),
  /** For values the table does not list (and for empty cells). */
  otherwise: StatusChoiceSchema,
  /** Where the payment date comes from; absent means 'created'. */
  paidAt: PaidAtSchema.optional()
})
export type StatusMapping = z.infer<typeof StatusMappingSchema>

/** bill_timer_kill for a backlog (orders created in the past) when the sheet does not map it:
 * 'never' sends 0 (the shop never auto-cancels them), 'shop' leaves the product's setting. */
export const BacklogTimerKillSchema = z.enum(['never', 'shop'])
export type BacklogTimerKill = z.infer<typeof BacklogTimerKillSchema>

/** The value table a status column starts with: the words exports and people use. */
export const DEFAULT_STATUS_VALUES: readonly StatusValue[] = [
  { value: 'Оплачен', status: 'paid' },
  { value: 'Оплачено', status: 'paid' },
  { value: 'paid', status: 'paid' },
  { value: 'да', status: 'paid' },
  { value: 'yes', status: 'paid' },
  { value: '1', status: 'paid' },
  { value: 'Completed', status: 'paid' },
  { value: 'Отменён', status: 'cancel' },
  { value: 'Отменен', status: 'cancel' },
  { value: 'cancelled', status: 'cancel' },
  { value: 'canceled', status: 'cancel' },
  { value: 'Возврат', status: 'return' },
  { value: 'refunded', status: 'return' }
]

/** A status mapping for a column, with the default value table. */
export function statusFromColumn(column: string, otherwise: StatusChoice = 'none'): StatusMapping {
  return { source: { kind: 'column', column }, values: DEFAULT_STATUS_VALUES.map((v) => ({ ...v })), otherwise, paidAt: { kind: 'created' } }
}

/** One status for every order of the file. */
export function statusForFile(status: StatusChoice): StatusMapping {
  return { source: { kind: 'constant', value: status }, values: [], otherwise: status, paidAt: { kind: 'created' } }
}

/** The key a sheet value is looked up by: no case, no surrounding or doubled spaces, ё as е. */
export function statusKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е')
}

/** The table as a lookup by statusKey; a later row for the same key wins (the user's edit). */
export function statusLookup(values: readonly StatusValue[]): Map<string, StatusChoice> {
  const map = new Map<string, StatusChoice>()
  for (const { value, status } of values) map.set(statusKey(value), status)
  return map
}

/** Sets (or adds) one row of the value table, for the Map step and --status-value. */
export function withStatusValue(mapping: StatusMapping, value: string, status: StatusChoice): StatusMapping {
  const key = statusKey(value)
  const values = mapping.values.filter((v) => statusKey(v.value) !== key)
  values.push({ value: value.trim(), status })
  return { ...mapping, values }
}

/** Reads a status word typed by a person (CLI, a mapping file): paid/cancel/return/none and the
 * usual variants; null when it is none of them. */
export function parseStatusChoice(text: string): StatusChoice | null {
  const key = statusKey(text)
  if (key === 'paid' || key === 'оплачен') return 'paid'
  if (key === 'cancel' || key === 'cancelled' || key === 'canceled' || key === 'отменен') return 'cancel'
  if (key === 'return' || key === 'returned' || key === 'refunded' || key === 'возврат') return 'return'
  if (key === 'none' || key === 'unpaid' || key === 'new' || key === 'не оплачен') return 'none'
  return null
}

/** Status choices given on the command line (or by any front-end) on top of a mapping. */
export interface StatusOptions {
  /** The status column's header; or `constant` for one status for the whole file. */
  column?: string
  constant?: StatusChoice
  /** Extra rows of the value table: sheet value -> status. */
  values?: ReadonlyArray<readonly [string, StatusChoice]>
  /** The status of values the table does not list. */
  otherwise?: StatusChoice
  /** The payment date column; absent keeps the mapping's (default: the created date). */
  paidDate?: string
  backlogTimerKill?: BacklogTimerKill
}

/** The mapping with these status choices applied; the same mapping when there are none. */
export function withStatusOptions<M extends { status?: StatusMapping | undefined; backlogTimerKill?: BacklogTimerKill | undefined }>(mapping: M, options: StatusOptions | undefined): M {
  if (options === undefined) return mapping
  let status = mapping.status
  if (options.column !== undefined) status = statusFromColumn(options.column, status?.otherwise ?? 'none')
  if (options.constant !== undefined) status = statusForFile(options.constant)
  const needsStatus = (options.values?.length ?? 0) > 0 || options.otherwise !== undefined || options.paidDate !== undefined
  if (status === undefined && needsStatus) throw new LocalizedError(msg('status.needsColumn'))
  if (status !== undefined) {
    for (const [value, choice] of options.values ?? []) status = withStatusValue(status, value, choice)
    if (options.otherwise !== undefined) status = { ...status, otherwise: options.otherwise }
    if (options.paidDate !== undefined) status = { ...status, paidAt: { kind: 'column', column: { column: options.paidDate } } }
  }
  const result = { ...mapping }
  if (status !== undefined) result.status = status
  if (options.backlogTimerKill !== undefined) result.backlogTimerKill = options.backlogTimerKill
  return result
}
