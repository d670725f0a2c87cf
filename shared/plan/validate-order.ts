// The rules an order must pass before it may be sent, as zod schemas compiled once per plan.
// Values are checked where they are read (so a problem points at its row and column); the rules
// about the whole order (required fields, at least one product, affiliate sales) run per order.
import { z } from 'zod'
import type { OrderFieldKey } from '../mapping/field-keys'
import type { OrderDraft } from './order'
import { digitsValue, isEmail, isInteger, isIp, isPositiveDecimal, significantDecimals } from './validate-order-syntax'

/** 2000-01-01T00:00:00Z: an order "created" earlier is a misread date, not a real order. */
export const EARLIEST_CREATED = 946_684_800
/** 2100-01-01T00:00:00Z: a later cancellation time is a misread date (milliseconds, say). */
export const LATEST_TIMER_KILL = 4_102_444_800
const DAY = 86_400
const MONEY_DECIMALS = 2

export interface ValueProblem {
  /** Issue code: 'email', 'ip', 'money', 'date', 'timer-kill'. */
  code: string
  /** What is wrong, continuing a sentence that starts with the quoted value. */
  problem: string
  /** What the user should do, as a full sentence. */
  fix: string
}

export type ValueCheck = (value: string) => ValueProblem | null

/** One refinement of a value rule: the predicate, what its failure says, and whether a failure
 * stops the later refinements. The zod schema is made of these; so is the quick check. */
interface Refinement {
  test: (value: string) => boolean
  error: string
  abort?: boolean
}

/** A value rule as a zod schema (the definition, and the source of every message) plus the same
 * refinements run directly: on the hot path almost every value passes, and a value passes the
 * schema exactly when it passes all its refinements, so zod is asked only about failures. */
interface ValueRule {
  schema: z.ZodType<string>
  passes: (value: string) => boolean
}

/** `surely`: an optional cheaper test that is true only of values passing every refinement. */
function valueRule(refinements: readonly Refinement[], surely?: (value: string) => boolean): ValueRule {
  let schema: z.ZodType<string> = z.string()
  for (const r of refinements) schema = schema.refine(r.test, r.abort ? { error: r.error, abort: true } : { error: r.error })
  const passes = (value: string): boolean => {
    if (surely?.(value)) return true
    for (let i = 0; i < refinements.length; i++) if (!(refinements[i] as Refinement).test(value)) return false
    return true
  }
  return { schema, passes }
}

/** True when `value` is plain digits (at most 15) for a number in [low, high]: one pass over
 * the text instead of a pattern and two conversions, for the one date every order has. */
function digitsBetween(value: string, low: number, high: number): boolean {
  const number = digitsValue(value)
  return number >= 0 && number >= low && number <= high
}

const emailRule = valueRule([{ test: isEmail, error: 'is not a valid e-mail address' }])
const ipRule = valueRule([{ test: isIp, error: 'is not an IPv4 or IPv6 address' }])
const moneyRule = valueRule([
  { test: (v) => significantDecimals(v) >= 0, error: 'is not an amount of money', abort: true },
  { test: isPositiveDecimal, error: 'is not more than 0', abort: true },
  { test: (v) => significantDecimals(v) <= MONEY_DECIMALS, error: `has more than ${MONEY_DECIMALS} digits after the decimal point` }
])

function createdRule(nowSeconds: number): ValueRule {
  return valueRule(
    [
      { test: isInteger, error: 'is not a date and time', abort: true },
      { test: (v) => Number(v) >= EARLIEST_CREATED, error: 'is before the year 2000, which cannot be an order date', abort: true },
      { test: (v) => Number(v) <= nowSeconds + DAY, error: 'is more than a day in the future' }
    ],
    (v) => digitsBetween(v, EARLIEST_CREATED, nowSeconds + DAY)
  )
}

function timerKillRule(nowSeconds: number): ValueRule {
  const flag = (v: string) => v === '0' || v === '1'
  return valueRule([
    { test: (v) => flag(v) || isInteger(v), error: 'is neither 1 (cancel as the product says), 0 (never cancel) nor a date', abort: true },
    { test: (v) => flag(v) || Number(v) >= nowSeconds - DAY, error: 'is in the past, so the invoice would be cancelled at once', abort: true },
    { test: (v) => flag(v) || Number(v) <= LATEST_TIMER_KILL, error: 'is after the year 2100' }
  ])
}

const FIXES: Record<string, string> = {
  email: 'Correct the address in the file.',
  ip: 'Correct the IP address (like 192.168.0.1) or leave the cell empty.',
  money: 'Write a price above 0 with at most 2 decimals (like 1500.50), or leave the cell empty to use the shop price.',
  date: 'Correct the date in the file, or set the date order and time zone in the mapping.',
  'timer-kill': 'Write 1, 0 or a future date and time, or leave the cell empty.'
}

function fromRule(code: string, rule: ValueRule): ValueCheck {
  return (value) => {
    if (rule.passes(value)) return null
    const result = rule.schema.safeParse(value)
    if (result.success) return null
    return { code, problem: result.error.issues[0]?.message ?? 'is not valid', fix: FIXES[code] ?? 'Correct the value in the file.' }
  }
}

/** Value checks by catalog key ('bill_email', 'good_sum', ...). `now` is in milliseconds, as
 * Date.now(), so dates can be judged against the moment of planning. */
export function compileValueChecks(now: number): ReadonlyMap<string, ValueCheck> {
  const nowSeconds = Math.floor(now / 1000)
  return new Map<string, ValueCheck>([
    ['bill_email', fromRule('email', emailRule)],
    ['bill_ip', fromRule('ip', ipRule)],
    ['good_sum', fromRule('money', moneyRule)],
    ['bill_created', fromRule('date', createdRule(nowSeconds))],
    ['bill_timer_kill', fromRule('timer-kill', timerKillRule(nowSeconds))]
  ])
}

export type OrderProblemCode = 'required' | 'no-goods' | 'affiliate-source' | 'affiliate-case'

export interface OrderProblem {
  code: OrderProblemCode
  /** The field to fix: an order field key, or 'good_name' for an order without products. */
  field: OrderFieldKey | 'good_name'
}

export type OrderRules = (order: Pick<OrderDraft, 'fields' | 'goods'>) => readonly OrderProblem[]

const NO_PROBLEMS: readonly OrderProblem[] = Object.freeze([])

const AFFILIATE = 'affiliate'
const MEDIUM = 'utm[utm_medium]'
const SOURCE = 'utm[utm_source]'

/** Whole-order rules. `required` lists the fields each order must carry; fields that are not
 * mapped at all are reported once for the sheet instead, so leave them out. */
export function compileOrderRules(required: readonly OrderFieldKey[]): OrderRules {
  const filled = z.string().min(1, { error: 'required' })
  const optional = z.string().optional()
  // Only the fields a rule looks at are in the shape; zod drops the rest without copying them.
  const shape: Record<string, z.ZodType<string | undefined>> = { [MEDIUM]: optional, [SOURCE]: optional }
  for (const key of required) shape[key] = filled
  const schema = z.object({
    fields: z.object(shape).superRefine((fields, ctx) => {
      const medium = fields[MEDIUM]
      if (typeof medium !== 'string' || medium.toLowerCase() !== AFFILIATE) return
      // The shop recognizes a partner sale only by this exact lower-case word.
      if (medium !== AFFILIATE) ctx.addIssue({ code: 'custom', path: [MEDIUM], message: 'affiliate-case' })
      const source = fields[SOURCE]
      if (typeof source !== 'string' || source === '') ctx.addIssue({ code: 'custom', path: [SOURCE], message: 'affiliate-source' })
    }),
    goods: z.custom<readonly unknown[]>((goods) => Array.isArray(goods) && goods.length > 0, { error: 'no-goods' })
  })
  return (order) => {
    if (plainlyValid(order, required)) return NO_PROBLEMS
    const result = schema.safeParse(order)
    if (result.success) return []
    return result.error.issues.map((issue): OrderProblem => {
      if (issue.path[0] === 'goods') return { code: 'no-goods', field: 'good_name' }
      const field = String(issue.path[1]) as OrderFieldKey
      const code: OrderProblemCode = issue.message === 'affiliate-case' || issue.message === 'affiliate-source' ? issue.message : 'required'
      return { code, field }
    })
  }
}

/** True when the schema above would certainly pass: every required field a non-empty string,
 * the utm pair strings or absent, no affiliate medium (whose rules zod then words), and at least
 * one product. Anything else goes to zod, which decides and words the problems. */
function plainlyValid(order: Pick<OrderDraft, 'fields' | 'goods'>, required: readonly OrderFieldKey[]): boolean {
  const fields = order.fields
  for (let i = 0; i < required.length; i++) {
    const value = fields[required[i] as OrderFieldKey]
    if (typeof value !== 'string' || value.length === 0) return false
  }
  const medium = fields[MEDIUM]
  const source = fields[SOURCE]
  if (medium !== undefined && (typeof medium !== 'string' || medium.length === AFFILIATE.length)) return false
  if (source !== undefined && typeof source !== 'string') return false
  return Array.isArray(order.goods) && order.goods.length > 0
}
