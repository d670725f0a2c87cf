// The date window of getOrdersWithGoods: whole days written dd.mm.yyyy. The API cuts the
// start of a window longer than a month, silently; a lookup that misses orders could make a
// created order look absent, so longer windows are refused here instead.

/** No month is shorter, so a window this long is never cut. */
export const MAX_RANGE_DAYS = 28

const DAY_MS = 86_400_000

export interface DateRange {
  begin: Date
  end: Date
}

/** begin_date/end_date for getOrdersWithGoods, as UTC calendar days (pad the range by a day
 * on each side when the shop's time zone is not UTC). */
export function orderRangeParams(range: DateRange): Array<[string, string]> {
  const begin = range.begin.getTime()
  const end = range.end.getTime()
  if (Number.isNaN(begin) || Number.isNaN(end)) throw new RangeError('The order search dates are not valid dates.')
  if (begin > end) throw new RangeError(`The order search starts (${dayText(range.begin)}) after it ends (${dayText(range.end)}); swap the dates.`)
  const days = Math.floor(end / DAY_MS) - Math.floor(begin / DAY_MS) + 1
  if (days > MAX_RANGE_DAYS) {
    throw new RangeError(
      `The order search spans ${days} days (${dayText(range.begin)} to ${dayText(range.end)}); the API cuts windows longer than a month, so search at most ${MAX_RANGE_DAYS} days at a time.`
    )
  }
  return [
    ['begin_date', dayText(range.begin)],
    ['end_date', dayText(range.end)]
  ]
}

function dayText(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, '0')
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0')
  return `${dd}.${mm}.${date.getUTCFullYear()}`
}
