// The notice before a run to a real shop: each line only when it applies, worded in one place.
import { describe, expect, it } from 'vitest'
import { duration, noticeText, sideEffects } from '#shared/run/side-effects'

const BASE = { sandbox: false, orders: 120, paid: 0, calls: 120, rate: 1, concurrency: 1 }

describe('sideEffects', () => {
  it('says nothing for the sandbox or an empty run', () => {
    expect(sideEffects({ ...BASE, sandbox: true })).toEqual([])
    expect(sideEffects({ ...BASE, orders: 0, calls: 0 })).toEqual([])
  })

  it('lists e-mails, reminders and the time at a safe pace, without the paid and block lines', () => {
    const effects = sideEffects(BASE)
    expect(effects.map((e) => e.code)).toEqual(['owner-emails', 'unpaid-reminders', 'calls-and-time'])
    expect(effects.map(noticeText)).toEqual([
      'The shop may e-mail you (the owner) about each of the 120 new orders. To turn it off: Store > Settings: "Notify about new accounts via email" (https://help.influencersoft.com/hc/en-us/articles/360050388432-Store-Settings).',
      '120 orders arrive as unpaid invoices: the shop may send those customers its payment reminders, and cancel the invoices automatically by each product\'s settings. To turn it off: each product\'s settings: "Actions after payment" and the payment reminders (https://help.influencersoft.com/hc/en-us/articles/360050850851-Adding-and-Editing-a-Product).',
      '120 API calls at 1 per second: about 2 minutes.'
    ])
  })

  it('adds the paid actions when orders are marked paid, and drops reminders when all are', () => {
    const effects = sideEffects({ ...BASE, paid: 120, calls: 240 })
    expect(effects.map((e) => e.code)).toEqual(['owner-emails', 'paid-actions', 'calls-and-time'])
    expect(noticeText(effects[0]!)).toContain('about each of the 120 new orders, and again for each paid one.')
    expect(noticeText(effects[1]!)).toMatch(/^Marking 120 orders paid may run each product's "actions after payment"/)
  })

  it('warns of the block risk above one request a second or at a time', () => {
    expect(sideEffects({ ...BASE, rate: 5 }).at(-1)?.code).toBe('block-risk')
    const concurrent = sideEffects({ ...BASE, concurrency: 3 }).at(-1)!
    expect(noticeText(concurrent)).toBe('A pace of 1 per second, 3 at a time, is above the safe 1 per second: the API documents no limit, and the shop may block an account it sees as abusing it.')
  })

  it('words durations', () => {
    expect(duration(1)).toBe('1 second')
    expect(duration(59)).toBe('59 seconds')
    expect(duration(90)).toBe('about 2 minutes')
    expect(duration(3 * 3600 + 60 * 5)).toBe('about 3 hours 5 minutes')
  })
})
