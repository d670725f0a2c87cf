// getOrdersWithGoods' period rules (api-research.md §6): dates are dd.mm.yyyy; no dates means
// the current day; no end means now; a window longer than one month keeps its end and has its
// start cut to the same day one month earlier. The sandbox reads the dates in UTC.
export interface Window {
  /** Unix seconds, inclusive. */
  from: number
  to: number
}

const DAY = 86_400

export function orderWindow(begin: string | undefined, end: string | undefined, nowMs: number): Window | 'invalid' {
  const now = Math.floor(nowMs / 1000)
  const endDay = end === undefined ? undefined : parseDay(end)
  const beginDay = begin === undefined ? undefined : parseDay(begin)
  if (endDay === null || beginDay === null) return 'invalid'
  const to = endDay === undefined ? now : endDay + DAY - 1
  const from = beginDay ?? startOfDay(to)
  return { from: Math.max(from, oneMonthBefore(to)), to }
}

/** Unix seconds at 00:00 UTC of a dd.mm.yyyy date; null when it is not a real date. */
function parseDay(text: string): number | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim())
  if (!match) return null
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.getTime() / 1000
}

function startOfDay(seconds: number): number {
  return seconds - (seconds % DAY)
}

/** 00:00 of the same day-of-month one month earlier, clamped to that month's last day. */
function oneMonthBefore(seconds: number): number {
  const date = new Date(startOfDay(seconds) * 1000)
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() - 1
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / 1000
}
