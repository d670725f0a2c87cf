// CreateOrder fields in the user's language: the name a person knows the field by, and the rule
// its values follow. The API name (bill_surname) stays the field's identity and is shown beside.
import type { FieldSpec } from '#shared/mapping/catalog'
import { isCatalogKey } from '#shared/i18n/catalog/index'
import type { Translate } from './i18n'

export function fieldLabel(key: string, t: Translate): string {
  const name = `field.${key}`
  return isCatalogKey(name) ? t(name) : key
}

export function fieldRule(spec: Pick<FieldSpec, 'key' | 'required'>, t: Translate): string {
  const own = `rule.${spec.key}`
  if (isCatalogKey(own)) return t(own)
  return spec.required === 'shipped' ? t('rule.shippedText') : t('rule.optionalText')
}
