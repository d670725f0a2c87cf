// Whole-order rules turned into issues that say which order, which rows and what to do.
import type { ColumnField, CompiledMapping } from './import-plan-mapping'
import { fieldBit, GOODS_BIT } from './import-plan-mapping'
import { NO_COLUMN, type IssueCollector } from './import-plan-issues'
import { place, quote } from './import-plan-messages'
import { orderPlaceParams, planIssue } from './issue-text'
import type { CatalogKey } from '../i18n/catalog/index'
import type { OrderFieldKey } from '../mapping/field-keys'
import type { OrderDraft } from './order'
import { compileOrderRules, type OrderProblem } from './validate-order'

const MAX_ROWS_SHOWN = 5
const MEDIUM: OrderFieldKey = 'utm[utm_medium]'

/** "Row 3, column "Email"" for a one-row order; "Order "A-17" (rows 3, 5, 9), column "Email"" for more. */
export function orderPlace(order: OrderDraft, column: string | null): string {
  const first = order.rows[0] ?? 0
  if (order.rows.length <= 1) return place(first, column)
  const shown = order.rows.slice(0, MAX_ROWS_SHOWN).join(', ')
  const more = order.rows.length > MAX_ROWS_SHOWN ? ` and ${order.rows.length - MAX_ROWS_SHOWN} more` : ''
  const name = order.key === null ? `Order ${order.index}` : `Order ${quote(order.key)}`
  return `${name} (rows ${shown}${more})${column === null ? '' : `, ${column}`}`
}

/** The catalog key and parameters of a whole-order problem (the place is added by the caller). */
function problemIssue(problem: OrderProblem, order: OrderDraft, shipped: boolean): { key: CatalogKey; params: Record<string, string | number> } {
  switch (problem.code) {
    case 'no-goods':
      return { key: 'issue.no-goods', params: {} }
    case 'affiliate-source':
      return { key: 'issue.affiliate-source', params: {} }
    case 'affiliate-case':
      return { key: 'issue.affiliate-case', params: { medium: quote(order.fields['utm[utm_medium]'] ?? '') } }
    case 'required': {
      const always = problem.field === 'bill_email' || !shipped
      return { key: always ? 'issue.required' : 'issue.required.shipped', params: { need: problem.field, field: problem.field } }
    }
  }
}

/** Applies the whole-order rules to every order. `failed` holds, per order, the fields that
 * already have an error, so an unreadable e-mail is not reported again as a missing one.
 * `filled` holds, per order, the fields it has a value for and GOODS_BIT for a product, or 0
 * when unknown: an order with every required field and a product, and no utm_medium (whose
 * rules look at values), passes the rules without its values being looked at. */
export function checkOrders(orders: readonly OrderDraft[], failed: Uint32Array, filled: Uint32Array, compiled: CompiledMapping, shipped: boolean, issues: IssueCollector): void {
  const rules = compileOrderRules(compiled.required)
  const complete = compiled.required.reduce((bits, key) => bits | fieldBit(key), GOODS_BIT)
  const medium = fieldBit(MEDIUM)
  const byKey = new Map<OrderFieldKey, ColumnField>(compiled.columnFields.map((f) => [f.key, f]))
  const firstGood = compiled.goods[0]?.name
  const goodsColumn = firstGood?.kind === 'column' ? firstGood.source : null
  for (let o = 0; o < orders.length; o++) {
    const known = filled[o] ?? 0
    if (known !== 0 && (known & complete) === complete && (known & medium) === 0) continue
    const order = orders[o] as OrderDraft
    const problems = rules(order)
    for (let i = 0; i < problems.length; i++) {
      const problem = problems[i] as OrderProblem
      const field = problem.field === 'good_name' ? null : (byKey.get(problem.field) ?? (problem.code === 'affiliate-source' ? byKey.get(MEDIUM) : null) ?? null)
      const source = problem.field === 'good_name' ? goodsColumn : field
      const bit = problem.field === 'good_name' ? GOODS_BIT : (field?.bit ?? 0)
      const missing = problem.code === 'required' || problem.code === 'no-goods'
      if (missing && ((failed[o] ?? 0) & bit) !== 0) continue
      const { key, params } = problemIssue(problem, order, shipped)
      issues.add(
        planIssue({
          severity: 'error',
          code: problem.code,
          row: order.rows[0] ?? null,
          column: source?.header ?? null,
          field: problem.field === 'good_name' ? 'goods[0][good_name]' : problem.field,
          order: order.index,
          key,
          params: { ...orderPlaceParams(order, source ?? null), ...params }
        }),
        source?.column ?? NO_COLUMN
      )
    }
  }
}
