// Transform settings in words.
import type { DateOrder, DecimalSeparator } from '#shared/mapping/mapping'

export const DATE_ORDER_WORDS: Record<DateOrder, string> = {
  auto: 'work it out from the column',
  dmy: 'day/month/year (31.12.2024)',
  mdy: 'month/day/year (12/31/2024)',
  ymd: 'year-month-day (2024-12-31)'
}

export const DECIMAL_WORDS: Record<DecimalSeparator, string> = {
  auto: 'work it out from the column',
  '.': 'point (1500.50)',
  ',': 'comma (1500,50)'
}

/** Common zones first; the full list comes from the engine's Intl data when it has one. */
export function timeZoneNames(): string[] {
  const common = ['UTC', 'Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Asia/Almaty', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Europe/Berlin', 'Europe/London', 'America/New_York']
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] }
  const all = typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : []
  return [...common, ...all.filter((zone) => !common.includes(zone))]
}

/** Id of the one <datalist> of zone names the Map screen renders. */
export const TIME_ZONE_LIST = 'time-zone-names'
