// What a real shop is likely to do because of a run, said before it starts (issue 12 §3). Each
// notice is a code with parameters, so front-ends and translations word it themselves; the
// English text is built here, in one place (noticeText). Sources: the shop's help pages as
// summarised in api-methods-and-importers-2.md §1.2 and §1.4.

export type SideEffectCode = 'owner-emails' | 'unpaid-reminders' | 'paid-actions' | 'calls-and-time' | 'block-risk'

export interface SideEffect {
  code: SideEffectCode
  params: Record<string, number>
  /** Where the shop lets the owner turn it off, when it does. */
  setting?: { where: string; url: string }
}

export interface SideEffectInput {
  /** The built-in sandbox: no shop, no notice. */
  sandbox: boolean
  /** Orders to be created. */
  orders: number
  /** Of those, orders that will be marked paid after creation (0 until statuses are mapped). */
  paid: number
  /** API calls the run will make (CreateOrder plus any status calls). */
  calls: number
  /** Requests per second and at a time. */
  rate: number
  concurrency: number
}

export const SHOP_SETTINGS = {
  where: 'Store > Settings: "Notify about new accounts via email"',
  url: 'https://help.influencersoft.com/hc/en-us/articles/360050388432-Store-Settings'
}
export const PRODUCT_SETTINGS = {
  where: 'each product\'s settings: "Actions after payment" and the payment reminders',
  url: 'https://help.influencersoft.com/hc/en-us/articles/360050850851-Adding-and-Editing-a-Product'
}

/** The pace above which we warn of the account-block risk: the API documents no limit, and its
 * terms forbid "over-clocking"; one request at a time, one a second is the default. */
const SAFE_RATE = 1

export function sideEffects(input: SideEffectInput): SideEffect[] {
  if (input.sandbox || input.orders <= 0) return []
  const effects: SideEffect[] = [{ code: 'owner-emails', params: { orders: input.orders, paid: input.paid }, setting: SHOP_SETTINGS }]
  const unpaid = input.orders - input.paid
  if (unpaid > 0) effects.push({ code: 'unpaid-reminders', params: { orders: unpaid }, setting: PRODUCT_SETTINGS })
  if (input.paid > 0) effects.push({ code: 'paid-actions', params: { orders: input.paid }, setting: PRODUCT_SETTINGS })
  const seconds = Math.ceil(input.calls / Math.max(input.rate, Number.EPSILON))
  effects.push({ code: 'calls-and-time', params: { calls: input.calls, rate: input.rate, seconds } })
  if (input.rate > SAFE_RATE || input.concurrency > 1) effects.push({ code: 'block-risk', params: { rate: input.rate, concurrency: input.concurrency } })
  return effects
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

export function duration(seconds: number): string {
  if (seconds < 60) return plural(seconds, 'second', 'seconds')
  const minutes = Math.round(seconds / 60)
  if (minutes < 120) return `about ${plural(minutes, 'minute', 'minutes')}`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return `about ${plural(hours, 'hour', 'hours')}${rest === 0 ? '' : ` ${plural(rest, 'minute', 'minutes')}`}`
}

/** The English wording of one notice (the i18n work translates from code and params). */
export function noticeText(effect: SideEffect): string {
  const p = effect.params
  const off = effect.setting ? ` To turn it off: ${effect.setting.where} (${effect.setting.url}).` : ''
  switch (effect.code) {
    case 'owner-emails':
      return `The shop may e-mail you (the owner) about each of the ${plural(p['orders'] ?? 0, 'new order', 'new orders')}${(p['paid'] ?? 0) > 0 ? ', and again for each paid one' : ''}.${off}`
    case 'unpaid-reminders':
      return `${plural(p['orders'] ?? 0, 'order arrives', 'orders arrive')} as unpaid invoices: the shop may send those customers its payment reminders, and cancel the invoices automatically by each product's settings.${off}`
    case 'paid-actions':
      return `Marking ${plural(p['orders'] ?? 0, 'order', 'orders')} paid may run each product's "actions after payment" (thank-you e-mails, adding buyers to groups, giving access).${off}`
    case 'calls-and-time':
      return `${plural(p['calls'] ?? 0, 'API call', 'API calls')} at ${p['rate']} per second: ${duration(p['seconds'] ?? 0)}.`
    case 'block-risk':
      return `A pace of ${p['rate']} per second${(p['concurrency'] ?? 1) > 1 ? `, ${p['concurrency']} at a time,` : ''} is above the safe 1 per second: the API documents no limit, and the shop may block an account it sees as abusing it.`
  }
}
