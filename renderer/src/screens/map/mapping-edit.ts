// Small immutable edits of a mapping. Main decides what a mapping means; these only build the
// next mapping the user asked for.
import type { OrderFieldKey } from '#shared/mapping/field-keys'
import type { ColumnRef, FieldMapping, FieldSource, Mapping } from '#shared/mapping/mapping'
import type { FieldTarget, GoodPart } from './field-targets'

const NONE: FieldMapping = { source: { kind: 'none' } }

export function setOrderField(mapping: Mapping, key: OrderFieldKey, field: FieldMapping | undefined): Mapping {
  const fields = { ...mapping.fields }
  if (field && field.source.kind !== 'none') fields[key] = field
  else delete fields[key]
  return { ...mapping, fields }
}

export function setGoodPart(mapping: Mapping, index: number, part: GoodPart, field: FieldMapping | undefined): Mapping {
  const goods = mapping.goods.map((good, i) => {
    if (i !== index) return good
    if (part === 'name') return { ...good, name: field ?? NONE }
    const next = { ...good }
    if (field && field.source.kind !== 'none') next.sum = field
    else delete next.sum
    return next
  })
  return { ...mapping, goods }
}

export function addGood(mapping: Mapping): Mapping {
  return { ...mapping, goods: [...mapping.goods, { name: NONE }] }
}

export function removeGood(mapping: Mapping, index: number): Mapping {
  if (mapping.goods.length <= 1) return mapping
  return { ...mapping, goods: mapping.goods.filter((_, i) => i !== index) }
}

export function setGroupBy(mapping: Mapping, ref: ColumnRef | null): Mapping {
  return { ...mapping, groupBy: ref }
}

export function setShipped(mapping: Mapping, shipped: boolean): Mapping {
  return { ...mapping, shipped }
}

export function setDefaults(mapping: Mapping, change: Partial<Mapping['defaults']>): Mapping {
  return { ...mapping, defaults: { ...mapping.defaults, ...change } }
}

export function fieldAt(mapping: Mapping, target: FieldTarget): FieldMapping | undefined {
  if (target.kind === 'order') return mapping.fields[target.key]
  if (target.kind === 'groupBy') return mapping.groupBy ? { source: { kind: 'column', ...mapping.groupBy } } : undefined
  const good = mapping.goods[target.index]
  return target.part === 'name' ? good?.name : good?.sum
}

export function isMapped(field: FieldMapping | undefined): boolean {
  return field !== undefined && field.source.kind !== 'none'
}

/** Points a field at a column, keeping the field's transform options. */
export function assignColumn(mapping: Mapping, target: FieldTarget, ref: ColumnRef): Mapping {
  const source: FieldSource = { kind: 'column', ...ref }
  if (target.kind === 'groupBy') return setGroupBy(mapping, ref)
  const old = fieldAt(mapping, target)
  const field: FieldMapping = old?.transform ? { source, transform: old.transform } : { source }
  if (target.kind === 'order') return setOrderField(mapping, target.key, field)
  // A good the auto-matcher numbered beyond the current list is added on the way.
  let next = mapping
  while (next.goods.length <= target.index) next = addGood(next)
  return setGoodPart(next, target.index, target.part, field)
}
