import type { SourcePreset } from './types'

/** amoCRM, Сделки > Экспорт: one row per deal; the contact's full name, work and personal
 * e-mails; `Бюджет ₽` is the deal's amount. A deal has no product. */
export const AMOCRM_DEALS: SourcePreset = {
  id: 'amocrm-deals',
  name: 'amoCRM deals export',
  signature: ['Название сделки', 'Полное имя контакта', 'Этап сделки'],
  fields: {
    bill_email: ['Рабочий email (контакт)', 'Личный email (контакт)', 'Email (контакт)'],
    bill_phone: ['Мобильный телефон (контакт)', 'Рабочий телефон (контакт)', 'Телефон (контакт)'],
    bill_created: 'Дата создания',
    bill_tag: 'Теги',
    bill_comment: 'Примечание',
    'utm[utm_source]': 'utm_source',
    'utm[utm_medium]': 'utm_medium',
    'utm[utm_campaign]': 'utm_campaign',
    'utm[utm_content]': 'utm_content',
    'utm[utm_term]': 'utm_term'
  },
  fullName: { column: 'Полное имя контакта', order: 'given-first' },
  product: [],
  price: ['Бюджет ₽', 'Бюджет', 'Бюджет $', 'Бюджет €'],
  priceIs: 'line',
  dateOrder: 'dmy',
  ignore: ['Компания контакта', 'Компания', 'Ответственный', 'Кем создана', 'ID', 'Название сделки']
}
