// A detection with its reason twice: as a catalog key and values (each front-end words it in its
// reader's language) and in English (logs, --json). The sheet worker builds these, so this file
// stays free of the translator (i18next would add its start-up to every file read); a unit test
// checks that the English words match the catalog's.
import type { CatalogKey } from '#shared/i18n/catalog/index'
import type { MessageParams } from '#shared/i18n/message'
import type { Detected } from '#shared/sheet/sheet'

export function detected<T>(value: T, confidence: number, reason: string, key: CatalogKey, params?: MessageParams): Detected<T> {
  return { value, confidence, reason, why: params === undefined ? { key } : { key, params } }
}
