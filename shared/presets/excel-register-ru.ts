import type { SourcePreset } from './types'

/** A hand-made Russian register of orders in Excel: ФИО (surname first), № заказа, Кол-во,
 * often an Итого row at the bottom. */
export const EXCEL_REGISTER_RU: SourcePreset = {
  id: 'excel-register-ru',
  name: 'Excel register of orders (Russian)',
  signature: [['№ заказа', 'Номер заказа'], 'ФИО', ['Кол-во', 'Количество']],
  fields: { bill_created: ['Дата заказа', 'Дата'] },
  fullName: { column: 'ФИО', order: 'surname-first' },
  product: ['Артикул', 'Код товара', 'ID товара', 'Товар', 'Наименование'],
  price: ['Цена', 'Цена за единицу', 'Цена, руб.'],
  priceIs: 'unit',
  quantity: ['Кол-во', 'Количество'],
  groupBy: ['№ заказа', 'Номер заказа'],
  dateOrder: 'dmy'
}
