import type { SourcePreset } from './types'

/** Bitrix24, CRM > Сделки > Экспорт в Excel (an HTML table saved as .xls): one row per deal;
 * `Контакт` is the contact's full name, `Контакт: E-mail` their address. */
export const BITRIX24_DEALS: SourcePreset = {
  id: 'bitrix24-deals',
  name: 'Bitrix24 deals export',
  signature: ['Название сделки', 'Стадия сделки', 'Контакт'],
  fields: {
    bill_email: ['Контакт: E-mail', 'Контакт: Рабочий e-mail', 'E-mail'],
    bill_phone: ['Контакт: Телефон', 'Контакт: Мобильный телефон', 'Телефон'],
    bill_created: 'Дата создания',
    bill_comment: 'Комментарий',
    'utm[utm_source]': 'UTM Source',
    'utm[utm_medium]': 'UTM Medium',
    'utm[utm_campaign]': 'UTM Campaign',
    'utm[utm_content]': 'UTM Content',
    'utm[utm_term]': 'UTM Term'
  },
  fullName: { column: 'Контакт', order: 'given-first' },
  product: [],
  price: 'Сумма',
  priceIs: 'line',
  dateOrder: 'dmy',
  ignore: ['Компания', 'Ответственный', 'ID', 'Название сделки', 'Источник']
}
