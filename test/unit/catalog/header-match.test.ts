import { describe, expect, it } from 'vitest'
import { FIELD_CATALOG, fieldSpec, type FieldSpec } from '#shared/mapping/catalog'
import { EXACT_SCORE, MATCH_THRESHOLD, editDistanceAtMost, normalizeHeader, scoreHeader } from '#shared/mapping/header-match'
import { stemToken } from '#shared/mapping/header-normalize'

const spec = (key: string): FieldSpec => {
  const found = fieldSpec(key)
  if (!found) throw new Error(`no spec for ${key}`)
  return found
}

/** The catalog fields a header matches, best first. */
function ranked(header: string): Array<{ key: string; score: number }> {
  return FIELD_CATALOG.map((s) => ({ key: s.key as string, score: scoreHeader(header, s).score }))
    .filter((r) => r.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score)
}

describe('normalizeHeader', () => {
  it.each([
    ['  E-Mail  ', 'email'],
    ['E_MAIL', 'email'],
    ['e‑mail', 'email'], // non-breaking hyphen
    ['Ｅｍａｉｌ', 'email'], // full-width
    ['Bill\u00a0Email', 'bill email'],
    ['bill_email', 'bill email'],
    ['utm[utm_source]', 'utm utm source'],
    ['Ёмкость', 'емкость'],
    ['Почта (клиента)', 'почта клиента'],
    ['Товар2', 'товар 2'],
    ['good_name_2', 'good name 2'],
    ['goods[1][good_name]', 'goods 1 good name'],
    ['№ заказа', 'no заказа'],
    ['Order #', 'order no'],
    ['emailклиента', 'email клиента'],
    ['Стоимость, ₽', 'стоимость'],
    ['Café', 'café'],
    ['---', ''],
    ['', '']
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected)
  })

  it('stems Russian endings and English plurals the same way on both sides', () => {
    expect(stemToken('телефона')).toBe(stemToken('телефон'))
    expect(stemToken('почты')).toBe(stemToken('почта'))
    expect(stemToken('notes')).toBe('note')
    expect(stemToken('address')).toBe('address')
    expect(stemToken('имя')).toBe('имя')
  })
})

describe('scoreHeader', () => {
  it('scores the exact API names 1.0', () => {
    expect(scoreHeader('bill_email', spec('bill_email')).score).toBe(1)
    expect(scoreHeader('good_name', spec('good_name')).score).toBe(1)
    expect(scoreHeader('good_sum', spec('good_sum')).score).toBe(1)
    expect(scoreHeader('utm[utm_source]', spec('utm[utm_source]')).score).toBe(1)
    expect(scoreHeader('utm_source', spec('utm[utm_source]')).score).toBe(1)
    expect(scoreHeader('aff_term', spec('utm[aff_term]')).score).toBe(1)
    expect(scoreHeader('bill_coupon', spec('bill_kupon')).score).toBe(1)
    expect(scoreHeader('BILL_EMAIL', spec('bill_email')).reason).toContain('API name')
  })

  it('does not give one field another field’s API name', () => {
    expect(scoreHeader('utm_source', spec('utm[aff_source]')).score).toBeLessThan(MATCH_THRESHOLD)
    expect(scoreHeader('bill_email', spec('bill_phone')).score).toBeLessThan(MATCH_THRESHOLD)
  })

  it('scores every alias about 0.95 for its own field and lower for every other field', () => {
    for (const s of FIELD_CATALOG) {
      for (const alias of s.aliases) {
        const own = scoreHeader(alias, s).score
        expect(own, `${alias} → ${s.key}`).toBeGreaterThanOrEqual(EXACT_SCORE)
        const [best, runnerUp] = ranked(alias)
        expect(best!.key, `${alias} is best matched by ${best!.key}, not ${s.key}`).toBe(s.key)
        if (runnerUp) expect(runnerUp.score, `${alias} also fits ${runnerUp.key}`).toBeLessThan(own)
      }
    }
  })

  it('orders exact name > same words > containment > typo > unrelated', () => {
    const email = spec('bill_email')
    const exact = scoreHeader('E-mail', email).score
    const same = scoreHeader('Customer emails', email).score
    const contained = scoreHeader('Email for invoices', email).score
    const longer = scoreHeader('Email for sending the invoice copy', email).score
    const typo = scoreHeader('Emial', email).score
    const unrelated = scoreHeader('Shoe size', email).score
    expect(exact).toBeCloseTo(0.95)
    expect(same).toBeLessThan(exact)
    expect(contained).toBeLessThan(same)
    expect(longer).toBeLessThan(contained)
    expect(typo).toBeLessThan(longer)
    expect(typo).toBeGreaterThanOrEqual(MATCH_THRESHOLD)
    expect(unrelated).toBeLessThan(MATCH_THRESHOLD)
  })

  it('reads Russian word forms and filler words', () => {
    expect(ranked('Телефона')[0]?.key).toBe('bill_phone')
    expect(ranked('Email покупателя')[0]?.key).toBe('bill_email')
    expect(ranked('Стоимость, RUB')[0]?.key).toBe('good_sum')
    expect(ranked('Город доставки')[0]?.key).toBe('bill_city')
    expect(ranked('Индекс получателя')[0]?.key).toBe('bill_postal_code')
  })

  it.each([
    ['Emial', 'bill_email'],
    ['Phnoe', 'bill_phone'],
    ['Adress', 'bill_address'],
    ['Surename', 'bill_surname'],
    ['Frist name', 'bill_first_name'],
    ['Cuopon', 'bill_kupon'],
    ['Промокд', 'bill_kupon'],
    ['Телфон', 'bill_phone'],
    ['bill_emial', 'bill_email']
  ])('forgives the typo %j (→ %s), below an exact name', (header, key) => {
    const [best] = ranked(header)
    expect(best?.key).toBe(key)
    expect(best!.score).toBeLessThan(0.9)
    expect(scoreHeader(header, spec(key)).reason).toContain('misspelling')
  })

  it.each(['Stage', 'Order state', 'Company name', 'Delivery cost', 'Shipping price', 'Name of the event', 'Дата рождения', 'Ticket number'])(
    'does not read %j as a field it merely resembles',
    (header) => {
      expect(ranked(header)).toEqual([])
    }
  )

  it('never takes a number in the header for a typo', () => {
    const address = spec('bill_address')
    expect(scoreHeader('Address 2', address).reason).toBe('contains "Address"')
    expect(scoreHeader('Adress2', address).score).toBeLessThan(MATCH_THRESHOLD)
  })

  it('finds nothing in blank or junk headers', () => {
    for (const junk of ['', '   ', '???', 'foo', 'qwertyuiop', 'Column 7', '12345', 'x', 'Instagram', 'Менеджер']) {
      expect(ranked(junk), junk).toEqual([])
    }
    expect(scoreHeader('', spec('bill_email'))).toEqual({ score: 0, reason: 'the header is blank' })
  })
})

describe('editDistanceAtMost', () => {
  it.each([
    ['email', 'email', 1, 0],
    ['emial', 'email', 1, 1],
    ['emal', 'email', 1, 1],
    ['emaill', 'email', 1, 1],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, null],
    ['abcdef', 'abcxyz', 2, null],
    ['ab', 'abcd', 1, null],
    ['postalcode', 'postlacoed', 2, 2]
  ])('%s vs %s within %i → %s', (a, b, limit, expected) => {
    expect(editDistanceAtMost(a, b, limit)).toBe(expected)
    expect(editDistanceAtMost(b, a, limit)).toBe(expected)
  })

  it('gives the same answers after longer strings grew its buffers', () => {
    expect(editDistanceAtMost('a'.repeat(100), `${'a'.repeat(99)}b`, 1)).toBe(1)
    expect(editDistanceAtMost('emial', 'email', 1)).toBe(1)
  })
})
