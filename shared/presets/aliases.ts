// Header names that are not CreateOrder fields but tell how to read a file: quantities, full
// names, product IDs next to titles, line prices next to order totals, separate time and zone
// columns. Kept as data (in both languages) so they are tested and extended in one place.

/** A quantity of the good on the row. */
export const QUANTITY_HEADERS = [
  'Quantity', 'Qty', 'Lineitem quantity', 'Item quantity', 'Items sold', 'Count', 'Pcs', 'Units', 'Количество', 'Кол-во',
  'Кол во', 'Количество товара', 'Шт', 'Штук', 'Кол-во, шт'
] as const

/** A whole name in one cell ("Billing Name", "ФИО"). */
export const FULL_NAME_HEADERS = [
  'Full name', 'Name', 'Billing Name', 'Shipping Name', 'Customer', 'Customer name', 'Client', 'Client name', 'Contact',
  'Contact name', 'Buyer', 'Buyer name', 'Your name', 'ФИО', 'Ф.И.О.', 'Полное имя', 'Полное имя контакта', 'Контакт',
  'Имя и фамилия', 'Фамилия и имя', 'Фамилия имя', 'Фамилия имя отчество', 'Фамилия, имя, отчество', 'Клиент',
  'Покупатель', 'Пользователь', 'Заказчик', 'Получатель', 'Участник'
] as const

/** Full-name headers whose names are written surname first. */
export const SURNAME_FIRST_HEADERS = ['ФИО', 'Ф.И.О.', 'Фамилия и имя', 'Фамилия имя', 'Фамилия имя отчество', 'Фамилия, имя, отчество'] as const

/** Words of headers that hold a product's ID rather than its title. */
export const PRODUCT_ID_WORDS = [
  'sku', 'артикул', 'product id', 'item id', 'item code', 'product code', 'course id', 'offer id', 'tariff id', 'id товара', 'код товара',
  'идентификатор товара', 'id продукта', 'id предложения', 'id курса', 'код курса', 'id тарифа'
] as const

/** Words of headers that hold the price of one line (or one unit). */
export const LINE_PRICE_WORDS = ['lineitem price', 'item cost', 'item price', 'unit price', 'price', 'цена', 'стоимость товара', 'цена товара', 'gross'] as const

/** Words of headers that hold one line's total (unit price x quantity): the good's price when no
 * line price exists, read as a line total beside a quantity. */
export const LINE_TOTAL_WORDS = [
  'line total', 'line subtotal', 'line amount', 'lineitem total', 'item total', 'item subtotal', 'сумма по позиции',
  'сумма позиции', 'стоимость позиции', 'итого по позиции', 'сумма по товару'
] as const

/** Words of headers that hold the whole order's money, taxes or fees, not a line's price. */
export const TOTAL_WORDS = [
  'total', 'subtotal', 'tax', 'taxes', 'fee', 'shipping', 'discount', 'refunded', 'balance', 'net', 'итого', 'всего',
  'сумма заказа', 'налог', 'комиссия', 'доставка', 'скидка', 'оплачено', 'получено'
] as const

/** A time of day in a column of its own. */
export const TIME_HEADERS = ['Time', 'Время', 'Time of day'] as const

/** A time zone in a column of its own. */
export const ZONE_HEADERS = ['TimeZone', 'Time Zone', 'Time zone', 'Часовой пояс', 'Zone'] as const

/** First cells of totals and subtotal rows. */
export const TOTAL_ROW_WORDS = ['итого', 'всего', 'итог', 'total', 'totals', 'subtotal', 'grand total', 'sum', 'сумма', 'итого по заказу'] as const
