// The rules an order must pass before it may be sent, as zod schemas compiled once per plan.
// Values are checked where they are read (so a problem points at its row and column); the rules
// about the whole order (required fields, at least one product, affiliate sales) run per order.
import { z } from 'zod'
import type { OrderFieldKey } from '../mapping/field-keys'
import type { OrderDraft } from './order'
import { isCatalogKey, type CatalogKey } from '../i18n/catalog/index'
import { translatorFor } from '../i18n/translate'
import { digitsValue, isEmail, isInteger, isIp, isPositiveDecimal, significantDecimals } from './validate-order-syntax'

/** 2000-01-01T00:00:00Z: an order "created" earlier is a misread date, not a real order. */
export const EARLIEST_CREATED = 946_684_800
/** 2100-01-01T00:00:00Z: a later cancellation time is a misread date (milliseconds, say). */
export const LATEST_TIMER_KILL = 4_102_444_800
const DAY = 86_400
const MONEY_DECIMALS = 2

export interface ValueProblem {
  /** Issue code: 'email', 'ip', 'money', 'date', 'timer-kill', 'too-long'. */
  code: string
  /** Which failure of the code: the catalog key 'issue.problem.<variant>' words it. */
  variant: string
  /** What the variant's words need ('kb', 'max'). */
  params?: Readonly<Record<string, string | number>>
  /** What is wrong, continuing a sentence that starts with the quoted value (English). */
  problem: string
  /** What the user should do, as a full sentence (English). */
  fix: string
}

export type ValueCheck = (value: string) => ValueProblem | null

/** One refinement of a value rule: the predicate, which failure it is (the variant of
 * ValueProblem), and whether a failure stops the later refinements. The zod schema is made of
 * these; so is the quick check. */
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

const emailRule = valueRule([{ test: isEmail, error: 'email' }])
const ipRule = valueRule([{ test: isIp, error: 'ip' }])
const moneyRule = valueRule([
  { test: (v) => significantDecimals(v) >= 0, error: 'money.amount', abort: true },
  { test: isPositiveDecimal, error: 'money.positive', abort: true },
  { test: (v) => significantDecimals(v) <= MONEY_DECIMALS, error: 'money.decimals' }
])

function createdRule(nowSeconds: number): ValueRule {
  return valueRule(
    [
      { test: isInteger, error: 'date.format', abort: true },
      { test: (v) => Number(v) >= EARLIEST_CREATED, error: 'date.early', abort: true },
      { test: (v) => Number(v) <= nowSeconds + DAY, error: 'date.future' }
    ],
    (v) => digitsBetween(v, EARLIEST_CREATED, nowSeconds + DAY)
  )
}

function timerKillRule(nowSeconds: number): ValueRule {
  const flag = (v: string) => v === '0' || v === '1'
  return valueRule([
    { test: (v) => flag(v) || isInteger(v), error: 'timer-kill.format', abort: true },
    { test: (v) => flag(v) || Number(v) >= nowSeconds - DAY, error: 'timer-kill.past', abort: true },
    { test: (v) => flag(v) || Number(v) <= LATEST_TIMER_KILL, error: 'timer-kill.late' }
  ])
}

/** A value's problem with its English words (the catalog's 'issue.problem.<variant>' and
 * 'issue.fix.<code>'), for messages and for code without a translator. */
export function valueProblem(code: string, variant: string, params?: Readonly<Record<string, string | number>>): ValueProblem {
  const t = translatorFor('en')
  const problemKey = `issue.problem.${variant}`
  const fixKey = `issue.fix.${code}`
  const known = isCatalogKey(problemKey) ? variant : 'invalid'
  const problem = t(`issue.problem.${known}` as CatalogKey, params)
  const fix = t((isCatalogKey(fixKey) ? fixKey : 'issue.fix.value') as CatalogKey)
  return params === undefined ? { code, variant: known, problem, fix } : { code, variant: known, params, problem, fix }
}

function fromRule(code: string, rule: ValueRule): ValueCheck {
  return (value) => {
    if (rule.passes(value)) return null
    const result = rule.schema.safeParse(value)
    if (result.success) return null
    return valueProblem(code, result.error.issues[0]?.message ?? 'invalid')
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
