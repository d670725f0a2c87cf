import type { SourcePreset } from './types'

/** InfluencerSoft / JustClick, Магазин > Счета > Экспорт (CSV in windows-1251, ";"): one row per
 * bill and product; the bill number repeats on each of its products. */
export const JUSTCLICK_ORDERS: SourcePreset = {
  id: 'justclick-orders',
  name: 'InfluencerSoft (JustClick) orders export',
  signature: ['Номер счета', 'Идентификатор товара', 'E-mail покупателя'],
  fields: {
    bill_email: 'E-mail покупателя',
    bill_first_name: 'Имя покупателя',
    bill_surname: 'Фамилия покупателя',
    bill_middle_name: 'Отчество покупателя',
    bill_phone: 'Телефон покупателя',
    bill_country: 'Страна',
    bill_region: 'Регион',
    bill_city: 'Город',
    bill_address: 'Адрес',
    bill_postal_code: 'Индекс',
    bill_kupon: 'Купон',
    bill_tag: 'Метка',
    bill_comment: 'Комментарий',
    bill_created: 'Дата создания',
    'utm[utm_source]': 'utm_source',
    'utm[utm_medium]': 'utm_medium',
    'utm[utm_campaign]': 'utm_campaign',
    'utm[utm_content]': 'utm_content',
    'utm[utm_term]': 'utm_term'
  },
  product: ['Идентификатор товара', 'Название товара'],
  price: 'Цена товара',
  priceIs: 'unit',
  groupBy: 'Номер счета',
  dateOrder: 'dmy'
}
