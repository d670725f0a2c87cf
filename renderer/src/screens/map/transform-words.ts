// Transform settings in words.
import type { CatalogKey } from '#shared/i18n/catalog/index'
import type { DateOrder, DecimalSeparator } from '#shared/mapping/mapping'

export const DATE_ORDER_WORDS: Record<DateOrder, CatalogKey> = {
  auto: 'map.dateOrder.auto',
  dmy: 'map.dateOrder.dmy',
  mdy: 'map.dateOrder.mdy',
  ymd: 'map.dateOrder.ymd'
}

export const DECIMAL_WORDS: Record<DecimalSeparator, CatalogKey> = {
  auto: 'map.decimal.auto',
  '.': 'map.decimal.point',
  ',': 'map.decimal.comma'
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
