// Choices for the text-file overrides; the detected value is always offered too.
import type { CatalogKey } from '#shared/i18n/catalog/index'
import type { Translate } from '../../lib/i18n'

export const ENCODINGS = ['utf-8', 'windows-1251', 'windows-1252', 'koi8-r', 'ibm866', 'iso-8859-5', 'utf-16le', 'utf-16be', 'iso-8859-1', 'macintosh'] as const

export const DELIMITERS: ReadonlyArray<{ value: string; label: CatalogKey }> = [
  { value: ',', label: 'load.delimiter.comma' },
  { value: ';', label: 'load.delimiter.semicolon' },
  { value: '\t', label: 'load.delimiter.tab' },
  { value: '|', label: 'load.delimiter.pipe' }
]

export function withDetected<T extends string>(list: readonly T[], detected: string): string[] {
  return list.includes(detected as T) ? [...list] : [detected, ...list]
}

export function delimiterLabel(value: string, t: Translate): string {
  const known = DELIMITERS.find((d) => d.value === value)
  return known ? t(known.label) : t('column.ref', { column: value })
}
