// A notice of what the shop is likely to do (side-effects.ts), worded from the catalog in the
// reader's language: the renderer's Send screen shows these lines; the CLI uses them for
// languages other than English (its English lines keep noticeText's words), with the address of
// the help page of the setting that turns it off, as in English.
import type { Translate } from '../i18n/translate'
import { PRODUCT_SETTINGS, SHOP_SETTINGS, type SideEffect } from './side-effects'

/** `withAddress`: the setting's help page written after the words (the CLI); the app shows a link instead. */
export function noticeWords(effect: SideEffect, t: Translate, duration: (seconds: number) => string, withAddress = false): string {
  const p = effect.params
  const address = (url: string): string => (withAddress ? ` (${url})` : '')
  const off = effect.setting?.url === SHOP_SETTINGS.url ? ` ${t('notice.turnOff.shop')}${address(SHOP_SETTINGS.url)}` : effect.setting?.url === PRODUCT_SETTINGS.url ? ` ${t('notice.turnOff.product')}${address(PRODUCT_SETTINGS.url)}` : ''
  switch (effect.code) {
    case 'owner-emails':
      return `${t('notice.ownerEmails', { count: p['orders'] ?? 0 })}${(p['paid'] ?? 0) > 0 ? ` ${t('notice.ownerEmailsPaid')}` : ''}${off}`
    case 'unpaid-reminders':
      return `${t('notice.unpaidReminders', { count: p['orders'] ?? 0 })}${off}`
    case 'paid-actions':
      return `${t('notice.paidActions', { count: p['orders'] ?? 0 })}${off}`
    case 'calls-and-time':
      return t('notice.calls', { count: p['calls'] ?? 0, rate: p['rate'] ?? 0, duration: duration(p['seconds'] ?? 0) })
    case 'block-risk':
      return (p['concurrency'] ?? 1) > 1
        ? t('notice.blockRiskConcurrent', { rate: p['rate'] ?? 0, concurrency: p['concurrency'] ?? 1 })
        : t('notice.blockRisk', { rate: p['rate'] ?? 0 })
  }
}
