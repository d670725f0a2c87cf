// The names auto-matching uses for what a column can feed ('bill_email', 'goods[1][good_sum]',
// 'groupBy'), read back into something the mapping editor can act on.
import { isOrderFieldKey, type OrderFieldKey } from '#shared/mapping/field-keys'

export type GoodPart = 'name' | 'sum'

export type FieldTarget =
  | { kind: 'order'; key: OrderFieldKey }
  | { kind: 'good'; index: number; part: GoodPart }
  | { kind: 'groupBy' }

const GOOD = /^goods\[(\d+)\]\[(good_name|good_sum)\]$/

export function parseTarget(field: string): FieldTarget | null {
  if (field === 'groupBy') return { kind: 'groupBy' }
  if (isOrderFieldKey(field)) return { kind: 'order', key: field }
  // A bare good field means the first good: auto-matching names it so before goods are numbered.
  if (field === 'good_name' || field === 'good_sum') return { kind: 'good', index: 0, part: field === 'good_name' ? 'name' : 'sum' }
  const good = GOOD.exec(field)
  if (!good) return null
  return { kind: 'good', index: Number(good[1]), part: good[2] === 'good_name' ? 'name' : 'sum' }
}

export function goodFieldId(index: number, part: GoodPart): string {
  return `goods[${index}][${part === 'name' ? 'good_name' : 'good_sum'}]`
}
