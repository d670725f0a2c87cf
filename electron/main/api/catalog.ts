// GetAllGoods read into a ShopCatalog. Its answer (api-methods-and-importers-2.md §1.1): a list
// of {good_id, good_name, good_title, good_sum, good_type} (PHP may send it keyed by id), or
// error 700 "no products". Types are undocumented, so numbers and strings are both read.
import { productKind, type ShopCatalog, type ShopProduct } from '#shared/shop/shop-catalog'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { englishOf, messageOf, msg, type Message } from '#shared/i18n/message'
import { ApiShapeError } from './lookup-parsers'

export const NO_PRODUCTS = 700

export function parseAllGoods(result: unknown): ShopProduct[] {
  const entries = Array.isArray(result)
    ? result
    : typeof result === 'object' && result !== null
      ? Object.values(result)
      : undefined
  if (!entries) throw new ApiShapeError(msg('apiShape.goodsNotList'))
  return entries.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null) throw new ApiShapeError(msg('apiShape.goodNotObject', { index: i + 1 }))
    const fields = entry as Record<string, unknown>
    const name = text(fields['good_name'])
    if (name === '') throw new ApiShapeError(msg('apiShape.goodNoName', { index: i + 1 }))
    const sum = text(fields['good_sum']).trim()
    const type = text(fields['good_type'])
    return { id: text(fields['good_id']), name, title: text(fields['good_title']), price: sum === '' ? null : sum, type, kind: productKind(type) }
  })
}

export type CatalogFetch =
  | { ok: true; catalog: ShopCatalog }
  /** `noProducts`: the shop answered 700. `reason` is for people (English); `why` the same as a
   * catalog key and values, for the reader's language. */
  | { ok: false; noProducts: boolean; reason: string; why: Message }

/** One GetAllGoods call read into a catalog, or why there is none. Never throws for an answer. */
export async function fetchCatalog(getAllGoods: () => Promise<CallOutcome>, now: () => number = Date.now): Promise<CatalogFetch> {
  const outcome = await getAllGoods()
  const failed = (noProducts: boolean, why: Message): CatalogFetch => ({ ok: false, noProducts, reason: englishOf(why), why })
  if (outcome.kind !== 'answer') return { ok: false, noProducts: false, reason: outcome.reason, why: outcome.reasonMessage ?? msg('error.asIs', { text: outcome.reason }) }
  if (outcome.errorCode === NO_PRODUCTS) return failed(true, msg('catalog.noProducts'))
  if (outcome.errorCode !== 0) return failed(false, msg('catalog.answered', { code: outcome.errorCode, text: outcome.errorText }))
  if (outcome.hashValid === false) return failed(false, msg('catalog.unsigned'))
  try {
    return { ok: true, catalog: { products: parseAllGoods(outcome.result), fetchedAt: now() } }
  } catch (error) {
    return failed(false, messageOf(error))
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}
