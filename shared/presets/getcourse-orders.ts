import type { SourcePreset } from './types'

/** GetCourse, Продажи > Заказы > Экспорт: one row per order; `Пользователь` is the full name
 * (first name first), `Состав заказа` the offers' titles. */
export const GETCOURSE_ORDERS: SourcePreset = {
  id: 'getcourse-orders',
  name: 'GetCourse orders export (Заказы)',
  signature: ['ID заказа', 'Номер', 'Пользователь', 'Email', 'Дата создания', 'Стоимость, RUB'],
  fields: {
    bill_email: 'Email',
    bill_phone: 'Телефон',
    bill_city: 'Город',
    bill_created: 'Дата создания',
    bill_kupon: 'Использован промокод',
    bill_tag: 'Теги',
    'utm[utm_source]': 'utm_source',
    'utm[utm_medium]': 'utm_medium',
    'utm[utm_campaign]': 'utm_campaign',
    'utm[utm_content]': 'utm_content',
    'utm[utm_term]': 'utm_term'
  },
  fullName: { column: 'Пользователь', order: 'given-first' },
  product: ['ID предложения', 'Состав заказа', 'Title'],
  price: 'Стоимость, RUB',
  priceIs: 'line',
  dateOrder: 'dmy',
  ignore: ['Менеджер', 'ID партнера']
}
