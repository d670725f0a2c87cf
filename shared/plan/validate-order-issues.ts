// Whole-order rules turned into issues that say which order, which rows and what to do.
import type { ColumnField, CompiledMapping } from './import-plan-mapping'
import { fieldBit, GOODS_BIT } from './import-plan-mapping'
import { NO_COLUMN, type IssueCollector } from './import-plan-issues'
import { neededPhrase, place, quote } from './import-plan-messages'
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

function problemText(problem: OrderProblem, order: OrderDraft, shipped: boolean): string {
  const medium = order.fields['utm[utm_medium]'] ?? ''
  switch (problem.code) {
    case 'no-goods':
      return 'the order has no product (goods[0][good_name]). Write the product ID in the product column.'
    case 'affiliate-source':
      return 'the sale is marked as a partner sale (utm[utm_medium] is "affiliate"), but the partner\'s login (utm[utm_source]) is empty. Write the partner\'s login, or change the medium.'
    case 'affiliate-case':
      return `utm[utm_medium] is ${quote(medium)}; the shop counts a partner sale only when it is written "affiliate" in lower case. Correct it.`
    case 'required': {
      const why = problem.field === 'bill_email' || !shipped ? 'every order needs it' : 'it is needed because the goods are shipped by mail'
      return `${neededPhrase(problem.field)} is empty (${problem.field}); ${why}. Fill it in.`
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
      issues.add(
        {
          severity: 'error',
          code: problem.code,
          row: order.rows[0] ?? null,
          column: source?.header ?? null,
          field: problem.field === 'good_name' ? 'goods[0][good_name]' : problem.field,
          order: order.index,
          message: `${orderPlace(order, source?.name ?? null)}: ${problemText(problem, order, shipped)}`
        },
        source?.column ?? NO_COLUMN
      )
    }
  }
}
