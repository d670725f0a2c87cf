// orderFingerprint writes the canonical text as bytes itself; fingerprintInput is the documented
// form. The two must agree on every input, or journals would stop recognizing sent orders.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { FINGERPRINT_FIELDS, fingerprintInput, orderFingerprint } from '#shared/plan/fingerprint'
import type { GoodLine, OrderDraft } from '#shared/plan/order'
import { seeded } from '../../helpers/seeded'

type Order = Pick<OrderDraft, 'fields' | 'goods'>

const documented = (order: Order): string => `v1:${createHash('md5').update(fingerprintInput(order), 'utf8').digest('hex')}`

// Pieces chosen to sit on both sides of every fast-path boundary: case, Cyrillic (with the
// Ѐ-Џ and Ё/ё letters), spaces of every kind and position, JSON escapes, combining marks, lone
// surrogates, letters whose lower case differs in length, digits and points for amounts.
const PIECES = [
  'a', 'Z', 'Ann', 'LEE', '7', '0', '.', ',', '-', '+', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u2028', '\u3000',
  '"', '\\', '/', '\u0001', '\u001f', '\u007f', 'Мария', 'ИВАН', 'Ёж', 'ё', 'Ѐ', 'Џ', 'ѐ', 'џ', 'Ѡ', 'й', 'И\u0306', 'e\u0301',
  'é', 'İ', 'ß', 'Σ', 'ς', 'ǅ', 'Ω', 'ﬁ', '😀', '\ud800', '\udc00', 'ä', 'Å', 'A\u030a', '٣', '(', ')', '@', 'x.com'
]
const DECIMALS = ['', '0', '00', '1', '15', '1500', '01500', '.', '.5', '5.', '1500.50', '1500.500', '01500.00', '0.0', '-0.0', '+5', '-1.50', ' 12 ', '1.2.3', '1,5', 'abc', '١٢']

function text(random: () => number, maxPieces: number): string {
  let out = ''
  const count = Math.floor(random() * (maxPieces + 1))
  for (let i = 0; i < count; i++) out += PIECES[Math.floor(random() * PIECES.length)]
  return out
}

function order(random: () => number): Order {
  const fields: Order['fields'] = {}
  for (const [key] of FINGERPRINT_FIELDS) if (random() < 0.6) fields[key] = random() < 0.15 ? '' : text(random, 5)
  if (random() < 0.3) fields.bill_ip = '10.0.0.1'
  const goods: GoodLine[] = []
  const count = Math.floor(random() * 4)
  for (let g = 0; g < count; g++) {
    const line: GoodLine = { good_name: random() < 0.5 ? text(random, 3) : 'course', row: g + 2 }
    if (random() < 0.7) line.good_sum = random() < 0.5 ? DECIMALS[Math.floor(random() * DECIMALS.length)]! : text(random, 2)
    goods.push(line)
  }
  return { fields, goods }
}

describe('orderFingerprint written as bytes', () => {
  it('is v1: plus the md5 of fingerprintInput for thousands of random orders', () => {
    const random = seeded(2026)
    for (let i = 0; i < 4000; i++) {
      const o = order(random)
      expect(orderFingerprint(o), JSON.stringify(o)).toBe(documented(o))
    }
  })

  it('agrees on plain values written as they are, in every case', () => {
    const o: Order = {
      fields: { bill_email: 'Ann.Lee@X.com', bill_first_name: 'МАРИЯ Ѐлена', bill_phone: ' +7 (928) 777-77-77', bill_comment: 'say "hi" \\ bye', bill_created: '1709287200' },
      goods: [{ good_name: 'Course PRO', good_sum: '01500.500', row: 2 }]
    }
    expect(fingerprintInput(o)).toBe('[0,"ann.lee@x.com",1,"мария ѐлена",4,"+79287777777",10,"1709287200",13,"say \\"hi\\" \\\\ bye",[["Course PRO","1500.5"]]]')
    expect(orderFingerprint(o)).toBe(documented(o))
  })

  it('agrees on values long enough to make the byte buffer grow', () => {
    const long = 'Ёжик в тумане 😀 "quoted" '.repeat(2000)
    const o: Order = { fields: { bill_comment: long, bill_first_name: long.toUpperCase() }, goods: [{ good_name: long, row: 2 }, { good_name: 'a', good_sum: '1', row: 3 }] }
    expect(orderFingerprint(o)).toBe(documented(o))
    const small: Order = { fields: { bill_email: 'a@b.c' }, goods: [] }
    expect(orderFingerprint(small)).toBe(documented(small))
  })
})
