// Choices for the text-file overrides; the detected value is always offered too.

export const ENCODINGS = ['utf-8', 'windows-1251', 'windows-1252', 'koi8-r', 'ibm866', 'iso-8859-5', 'utf-16le', 'utf-16be', 'iso-8859-1', 'macintosh'] as const

export const DELIMITERS: ReadonlyArray<{ value: string; label: string }> = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe ( | )' }
]

export function withDetected<T extends string>(list: readonly T[], detected: string): string[] {
  return list.includes(detected as T) ? [...list] : [detected, ...list]
}

export function delimiterLabel(value: string): string {
  return DELIMITERS.find((d) => d.value === value)?.label ?? `"${value}"`
}
