// Why a value cannot be read, as a catalog key and its parameters ('reason.money.invalid',
// { text: '"12,3,4"' }). A transform's failure keeps the English sentence in `message` too, for
// code without a translator; shared/plan/issue-text.ts words the reason in the user's language.
import { isCatalogKey, type CatalogKey } from '../i18n/catalog/index'
import { translatorFor, type Translate } from '../i18n/translate'

export type ReasonParams = Readonly<Record<string, string | number>>

/** The words of a reason in the language of `t`. `dateOrder` ('dmy') becomes `order` ('day
 * first'); `first` and `second` (day and month numbers) give `firstMonth` and `secondMonth`. */
export function reasonText(reason: string, params: ReasonParams, t: Translate): string {
  const vars: Record<string, string | number> = { ...params }
  if (params.dateOrder !== undefined) vars.order = t(`reason.order.${String(params.dateOrder)}` as CatalogKey)
  if (params.first !== undefined) vars.firstMonth = monthText(Number(params.first), t)
  if (params.second !== undefined) vars.secondMonth = monthText(Number(params.second), t)
  const key = `reason.${reason}`
  return isCatalogKey(key) ? t(key, vars) : reason
}

function monthText(month: number, t: Translate): string {
  const key = `reason.month.${month}`
  return isCatalogKey(key) ? t(key) : String(month)
}

/** The English sentence of a reason, as the transform's `message`. */
export function reasonMessage(reason: string, params: ReasonParams): string {
  return reasonText(reason, params, translatorFor('en'))
}
