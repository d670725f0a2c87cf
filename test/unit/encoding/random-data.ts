// Seeded random inputs for the encoding tests: the same seed always gives the same cases, so a
// failure can be replayed; the generators lean on the characters and shapes PHP treats specially.
import type { OrderFieldKey } from '#shared/mapping/field-keys'
import { ORDER_FIELD_KEYS } from '#shared/mapping/field-keys'
import type { OrderDraft } from '#shared/plan/order'
import type { PhpArray, PhpValue } from '#shared/wire/php-value'
import { seeded } from '../../helpers/seeded'

export type Random = () => number

/** mulberry32: small, fast and good enough to spread test cases. */
export const seededRandom: (seed: number) => Random = seeded

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

export function integer(random: Random, below: number): number {
  return Math.floor(random() * below)
}

const TEXT_PIECES = [
  'a', 'Z', '0', '9', '-', '.', '_', ' ', '+', '/', '@', '~', '*', '!', "'", '(', ')', '%', '&', '=', '[', ']',
  '#', '?', ';', ',', '"', '\\', '\n', '\r\n', '\t', '\0', '\x7f', 'é', 'Иван', 'ß', '中文', '€', '🎉', '👍🏽',
  '\u200d', '\uffff', '%41', '%zz', 'hash', 'goods', '1500.50'
]

/** Text mixing plain letters with everything urlencode must escape, up to 4-byte UTF-8. */
export function randomText(random: Random, maxPieces = 8): string {
  let text = ''
  const pieces = integer(random, maxPieces + 1)
  for (let i = 0; i < pieces; i++) text += pick(random, TEXT_PIECES)
  return text
}

const SPECIAL_FLOATS = [
  0.1 + 0.2, 1e15 + 0.5, 1e14 + 0.5, 12345678901234.5, 12345678901235.5, 0.5, -2.25, 1 / 3, 1e-5, 1e-4,
  1e20, 1e21, -1e100, 5e-324, 2.5e-300, 1.7976931348623157e308, 99999999999999.95, NaN, Infinity, -Infinity
]

function randomNumber(random: Random): number {
  const kind = random()
  if (kind < 0.3) return integer(random, 2001) - 1000
  if (kind < 0.4) return (integer(random, 2 ** 30) * 2 ** 32 + integer(random, 2 ** 32)) * (random() < 0.5 ? -1 : 1)
  if (kind < 0.6) return pick(random, SPECIAL_FLOATS)
  // Any magnitude, 1 to 17 significant digits.
  const digits = 1 + integer(random, 17)
  const mantissa = Number((random() * 10).toFixed(digits - 1))
  return mantissa * 10 ** (integer(random, 640) - 320) * (random() < 0.5 ? -1 : 1)
}

function randomScalar(random: Random): PhpValue {
  const kind = random()
  if (kind < 0.6) return randomText(random)
  if (kind < 0.8) return randomNumber(random)
  if (kind < 0.9) return random() < 0.5
  return random() < 0.5 ? null : undefined
}

/** Distinct key texts; integer-like ones sometimes as numbers (never both forms of one key). */
function randomKeys(random: Random, count: number): Array<string | number> {
  const texts = new Set<string>()
  for (let i = 0; i < count; i++) {
    texts.add(random() < 0.3 ? String(integer(random, 200) - 20) : randomText(random, 3))
  }
  return [...texts].map((text) => (/^(0|-?[1-9][0-9]*)$/.test(text) && random() < 0.5 ? Number(text) : text))
}

/** A PHP array in any of the accepted forms: Map, list (with holes) or plain object. */
export function randomArray(random: Random, depth = 0): PhpArray {
  const size = integer(random, depth === 0 ? 7 : 5)
  const value = (): PhpValue => (depth < 3 && random() < 0.25 ? randomArray(random, depth + 1) : randomScalar(random))
  const form = random()
  if (form < 0.5) return new Map(randomKeys(random, size).map((key) => [key, value()]))
  if (form < 0.75) {
    const list: PhpValue[] = []
    for (let i = 0; i < size; i++) if (random() < 0.9) list[i] = value()
    list.length = size // trailing holes
    return list
  }
  const object: { [key: string]: PhpValue } = {}
  for (const key of randomKeys(random, size)) object[String(key)] = value()
  return object
}

const NAME_PIECES = ['a', 'b', 'goods', 'utm', 'x.y', 'a b', ' lead', '.', '5', '-3', '05', '0', '', 'é', '%D0%B8', 'a+b', 'hash', 'n%00m', '%5B', '%2E']
const INDEX_PIECES = ['', ' ', '  ', '%0A', '%09', '\t', '%0C%0D', '0', '1', '2', '-1', 'x', 'y', 'a.b', 'c d', '[', '%5B', '01', '-0', '9223372036854775807', '%20', 'ü', '%E2%82%AC']
const VALUE_PIECES = ['v', '1', '+', '%20', '%2B', '%26', '%3D', '=', 'ж', '%D0%96', '%F0%9F%8E%89', '🎉', '%zz', '%G0', '%00', '~', '*', '%7e', '%7E', '.']

function randomName(random: Random): string {
  let name = pick(random, NAME_PIECES)
  const groups = integer(random, 5)
  for (let i = 0; i < groups; i++) {
    const [open, close] = random() < 0.15 ? ['%5B', '%5D'] : ['[', ']']
    name += open + pick(random, INDEX_PIECES)
    if (random() < 0.93) name += close
  }
  if (random() < 0.05) name += 'z'
  return name
}

/** A form body with everything parse_str treats specially: nesting, appends, duplicates, dots and
 * spaces in names, unmatched brackets, NUL, '+', bad escapes. Only valid UTF-8 (see parsePhpQuery). */
export function randomBody(random: Random): string {
  const segments: string[] = []
  const count = 1 + integer(random, 12)
  for (let i = 0; i < count; i++) {
    if (random() < 0.05) {
      segments.push('')
      continue
    }
    let value = ''
    const pieces = integer(random, 5)
    for (let j = 0; j < pieces; j++) value += pick(random, VALUE_PIECES)
    segments.push(random() < 0.9 ? `${randomName(random)}=${value}` : randomName(random))
  }
  return segments.join('&')
}

/** An order as the pipeline hands it over, with any text in its values. */
export function randomDraft(random: Random, index = 1): OrderDraft {
  const goods = Array.from({ length: 1 + integer(random, 4) }, (_, i) => ({
    good_name: randomText(random, 4) || 'course',
    ...(random() < 0.6 ? { good_sum: pick(random, ['1500', '1500.50', '0', '', '  ', '99.9']) } : {}),
    row: i + 2
  }))
  const fields: Partial<Record<OrderFieldKey, string>> = {}
  // Filled in shuffled order: the parameters must come out in canonical order anyway.
  const keys = [...ORDER_FIELD_KEYS].sort(() => random() - 0.5)
  for (const key of keys) if (random() < 0.4) fields[key] = randomText(random, 5)
  return { index, key: null, rows: goods.map((good) => good.row), fields, goods }
}
