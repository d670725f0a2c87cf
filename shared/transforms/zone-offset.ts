// A time zone written in a cell of its own (PayPal's TimeZone column): an abbreviation (PST,
// CEST, MSK), an offset (+0300, GMT+3, UTC-05:00) or an IANA name (Europe/Moscow).
import { isValidTimeZone } from './index'

/** Abbreviations PayPal and other exports write, with their offsets in minutes east of UTC. */
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, IST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180, SAMT: 240,
  YEKT: 300, OMST: 360, KRAT: 420, IRKT: 480, YAKT: 540, VLAT: 600, MAGT: 660, PETT: 720,
  AST: -240, ADT: -180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AEST: 600, AEDT: 660, JST: 540, KST: 540, SGT: 480, HKT: 480
}

export type ZoneValue = { kind: 'offset'; minutes: number } | { kind: 'name'; zone: string }

/** The zone a cell names, or null when it names none we know. */
export function readZone(text: string): ZoneValue | null {
  const t = text.trim()
  if (t === '') return null
  const upper = t.toUpperCase()
  const known = ABBREVIATIONS[upper]
  if (known !== undefined) return { kind: 'offset', minutes: known }
  const offset = /^(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(upper)
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0)
    if (minutes > 14 * 60) return null
    return { kind: 'offset', minutes: offset[1] === '-' ? -minutes : minutes }
  }
  if (t.includes('/') && isValidTimeZone(t)) return { kind: 'name', zone: t }
  return null
}
