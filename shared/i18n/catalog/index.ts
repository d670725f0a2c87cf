// The catalogs of every language, and the types that make a key missing in one of them a type
// error: each language must have exactly the keys of English, up to plural categories.
import type { Language } from '../language'
import { en } from './en'
import { ru } from './ru'

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const
type PluralCategory = (typeof PLURAL_CATEGORIES)[number]

/** 'send.queued_one' -> 'send.queued'; other keys as they are. */
export type BaseKey<K extends string> = K extends `${infer B}_${PluralCategory}` ? B : K

/** Every key a caller may ask for (plural keys without their category). */
export type CatalogKey = BaseKey<keyof typeof en & string>

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Check<T extends true> = T
// A key in English but not in Russian (or the other way round) fails here.
export type RussianHasEveryKey = Check<SameKeys<BaseKey<keyof typeof ru & string>, CatalogKey>>

export type Catalog = Readonly<Record<string, string>>

export const CATALOGS: Record<Language, Catalog> = { en, ru }

/** The key without its plural category. */
export function baseKey(key: string): string {
  const cut = key.lastIndexOf('_')
  return cut > 0 && (PLURAL_CATEGORIES as readonly string[]).includes(key.slice(cut + 1)) ? key.slice(0, cut) : key
}

/** Whether the catalog has this key (a plural key without its category counts). */
export function isCatalogKey(key: string): key is CatalogKey {
  return key in en || `${key}_other` in en
}
