// Numbers, amounts, dates, times, durations and rates as a reader of the language writes them,
// all through Intl. Amounts keep their exact decimal value: they are never turned into floats.
import type { Language } from './language'

/** The locale each language formats with. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' }

export interface Formats {
  language: Language
  locale: string
  /** Whole numbers: "1,266" / "1 266". */
  count: (n: number) => string
  /** Rates and speeds, one decimal at most: "1,266.4" / "1 266,4". */
  rate: (n: number) => string
  /** A share from 0 to 1: "95%" / "95 %". */
  percent: (share: number) => string
  /** An exact decimal text ("1100.00", "-5.5") grouped and with the locale's decimal sign; other text as it is. */
  amount: (decimal: string) => string
  /** "45 sec", "3 min 20 sec", "2 hr 5 min" / "45 с", "3 мин 20 с", "2 ч 5 мин". */
  duration: (seconds: number) => string
  dateTime: (ms: number) => string
  date: (ms: number) => string
  /** Time of day with seconds. */
  clock: (ms: number) => string
  /** The locale's decimal sign: '.' or ','. */
  decimalSign: string
  /** The CSV separator spreadsheets expect here: ';' where numbers have decimal commas (Excel's list
   * separator there), ',' elsewhere. */
  csvDelimiter: ',' | ';'
}

const EXACT_DECIMAL = /^([+-]?)(\d+)(?:[.,](\d+))?$/

export function formatsFor(language: Language, options: { timeZone?: string } = {}): Formats {
  const locale = LOCALES[language]
  const zone = options.timeZone ? { timeZone: options.timeZone } : {}
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const decimalSign = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  // en-GB writes "2 mins 5 secs"; en-US the shorter "2 min 5 sec" that the app used before.
  const unitLocale = language === 'en' ? 'en-US' : locale
  const unit = (name: 'second' | 'minute' | 'hour') => new Intl.NumberFormat(unitLocale, { style: 'unit', unit: name, unitDisplay: 'short' })
  const seconds = unit('second')
  const minutes = unit('minute')
  const hours = unit('hour')
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone })
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...zone })
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, ...zone })

  return {
    language,
    locale,
    decimalSign,
    csvDelimiter: decimalSign === ',' ? ';' : ',',
    count: (n) => integer.format(n),
    rate: (n) => decimal.format(n),
    percent: (share) => percent.format(share),
    amount: (text) => {
      const match = EXACT_DECIMAL.exec(text.trim())
      if (!match) return text
      const [, sign = '', whole = '0', fraction] = match
      const grouped = integer.format(BigInt(whole))
      const minus = sign === '-' ? '-' : ''
      return `${minus}${grouped}${fraction !== undefined ? `${decimalSign}${fraction}` : ''}`
    },
    duration: (total) => {
      const s = Math.max(0, Math.round(total))
      if (s < 60) return seconds.format(s)
      const m = Math.floor(s / 60)
      if (m < 60) return s % 60 ? `${minutes.format(m)} ${seconds.format(s % 60)}` : minutes.format(m)
      const h = Math.floor(m / 60)
      return m % 60 ? `${hours.format(h)} ${minutes.format(m % 60)}` : hours.format(h)
    },
    dateTime: (ms) => dateTime.format(ms),
    date: (ms) => date.format(ms),
    clock: (ms) => clock.format(ms)
  }
}
