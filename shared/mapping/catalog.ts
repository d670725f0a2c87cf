// Every CreateOrder parameter, with what a person needs to map a column to it: a label, the
// rule its values follow, and the header names real exports use for it (shops, Tilda,
// GetCourse, Google Forms, hand-made Excel lists), in English and Russian.
import { DELIVERY_FIELD_KEYS, type GoodFieldKey, type OrderFieldKey } from './field-keys'

export type FieldType = 'text' | 'id' | 'email' | 'phone' | 'money' | 'timestamp' | 'timer_kill' | 'ip' | 'domain'
export type FieldGroup = 'customer' | 'delivery' | 'order' | 'tracking' | 'affiliate' | 'goods'

export interface FieldSpec {
  key: OrderFieldKey | GoodFieldKey
  label: string
  type: FieldType
  required: 'always' | 'shipped' | 'never'
  rule: string
  description: string
  aliases: readonly string[]
  group: FieldGroup
}

type SpecInput = Omit<FieldSpec, 'required'>

const ALWAYS_REQUIRED: ReadonlySet<string> = new Set(['bill_email', 'good_name'])
const SHIPPED_REQUIRED: ReadonlySet<string> = new Set(DELIVERY_FIELD_KEYS)

function requiredOf(key: string): FieldSpec['required'] {
  if (ALWAYS_REQUIRED.has(key)) return 'always'
  return SHIPPED_REQUIRED.has(key) ? 'shipped' : 'never'
}

const OPTIONAL_TEXT = 'Any text, optional'
const SHIPPED_TEXT = 'Any text; required when the goods are shipped by mail'

function utm(name: string, label: string, description: string, aliases: readonly string[], group: FieldGroup): SpecInput {
  return { key: `utm[${name}]` as OrderFieldKey, label, type: 'text', rule: OPTIONAL_TEXT, description, aliases, group }
}

const SPECS: readonly SpecInput[] = [
  {
    key: 'good_name',
    label: 'Product ID',
    type: 'id',
    rule: 'The product ID exactly as in your InfluencerSoft shop, required for every good',
    description: 'The product ID in the InfluencerSoft system; the product must already exist in the shop.',
    aliases: [
      'Product', 'Products', 'Product ID', 'Product name', 'Product code', 'Product title', 'Product SKU', 'SKU', 'Item',
      'Item name', 'Item ID', 'Item code', 'Good', 'Goods', 'Lineitem name', 'Line item', 'Offer', 'Course', 'Ticket',
      'Ticket type', 'Tariff', 'Service', 'Товар', 'Товары', 'Продукт', 'Артикул', 'Название товара', 'Наименование товара',
      'Название продукта', 'Наименование', 'Код товара', 'ID товара', 'ID продукта', 'Идентификатор товара', 'Курс',
      'Тариф', 'Билет', 'Тип билета', 'Услуга', 'Предложение', 'Предложения', 'Состав заказа'
    ],
    group: 'goods'
  },
  {
    key: 'good_sum',
    label: 'Price',
    type: 'money',
    rule: 'An amount like 1500 or 1500.50; leave it empty to use the shop price',
    description: 'The product price in this order; it may differ from the shop price, which is used when it is left out.',
    aliases: [
      'Price', 'Amount', 'Sum', 'Total', 'Cost', 'Order total', 'Total price', 'Product price', 'Item price', 'Unit price',
      'Price per item', 'Lineitem price', 'Payment amount', 'Сумма', 'Цена', 'Стоимость', 'Итого', 'Сумма заказа',
      'Цена товара', 'Стоимость товара', 'Сумма товара', 'К оплате', 'Сумма к оплате', 'Сумма оплаты', 'Цена за единицу'
    ],
    group: 'goods'
  },
  {
    key: 'bill_first_name',
    label: 'First name',
    type: 'text',
    rule: SHIPPED_TEXT,
    description: "The customer's first name.",
    aliases: [
      'First name', 'Firstname', 'Given name', 'Name', 'Your name', 'Full name', 'Customer name', 'Client name',
      'Contact name', 'Recipient name', 'Recipient', 'Customer', 'Client', 'Buyer', 'Participant', 'Attendee',
      'Имя', 'Ваше имя', 'ФИО', 'Имя клиента', 'Имя покупателя', 'Имя получателя', 'Имя участника', 'Имя и фамилия',
      'Фамилия и имя', 'Фамилия имя', 'Контактное лицо', 'Покупатель', 'Клиент', 'Получатель', 'Участник', 'Пользователь'
    ],
    group: 'customer'
  },
  {
    key: 'bill_surname',
    label: 'Last name',
    type: 'text',
    rule: SHIPPED_TEXT,
    description: "The customer's surname.",
    aliases: ['Last name', 'Lastname', 'Surname', 'Family name', 'Second name', 'Фамилия', 'Фамилия клиента', 'Фамилия получателя'],
    group: 'customer'
  },
  {
    key: 'bill_middle_name',
    label: 'Middle name',
    type: 'text',
    rule: OPTIONAL_TEXT,
    description: "The customer's middle name (patronymic).",
    aliases: ['Middle name', 'Middlename', 'Patronymic', 'Отчество'],
    group: 'customer'
  },
  {
    key: 'bill_email',
    label: 'E-mail',
    type: 'email',
    rule: 'A valid e-mail address, required',
    description: "The customer's e-mail.",
    aliases: [
      'E-mail', 'Email', 'Email address', 'E-mail address', 'Mail', 'Your email', 'Customer email', 'Почта', 'Эл. почта',
      'Эл.почта', 'Электронная почта', 'Адрес электронной почты', 'Адрес эл. почты', 'E-mail клиента', 'Email клиента',
      'Почта клиента', 'Ваш email', 'Ваш e-mail', 'Ваша почта', 'Емейл', 'Емэйл', 'Имейл', 'Мейл', 'Е-мейл', 'Мыло'
    ],
    group: 'customer'
  },
  {
    key: 'bill_phone',
    label: 'Phone',
    type: 'phone',
    rule: 'A phone number, e.g. +7 928 777-77-77',
    description: "The customer's telephone number.",
    aliases: [
      'Phone', 'Phone number', 'Telephone', 'Tel', 'Mobile', 'Mobile phone', 'Cell', 'Cell phone', 'Your phone',
      'Contact phone', 'Телефон', 'Тел', 'Номер телефона', 'Мобильный', 'Мобильный телефон', 'Контактный телефон',
      'Ваш телефон', 'Телефон клиента', 'Сотовый', 'Сотовый телефон'
    ],
    group: 'customer'
  },
  {
    key: 'bill_country',
    label: 'Country',
    type: 'text',
    rule: SHIPPED_TEXT,
    description: 'The country of delivery.',
    aliases: ['Country', 'Country name', 'Shipping country', 'Delivery country', 'Страна', 'Страна доставки', 'Государство'],
    group: 'delivery'
  },
  {
    key: 'bill_region',
    label: 'Region',
    type: 'text',
    rule: OPTIONAL_TEXT,
    description: 'The delivery region.',
    aliases: [
      'Region', 'State', 'Province', 'County', 'State/Province', 'Регион', 'Область', 'Край', 'Область/край',
      'Субъект РФ', 'Регион доставки', 'Республика'
    ],
    group: 'delivery'
  },
  {
    key: 'bill_city',
    label: 'City',
    type: 'text',
    rule: SHIPPED_TEXT,
    description: "The city of the customer's residence.",
    aliases: ['City', 'Town', 'Locality', 'City/Town', 'Shipping city', 'Город', 'Населенный пункт', 'Город доставки'],
    group: 'delivery'
  },
  {
    key: 'bill_address',
    label: 'Address',
    type: 'text',
    rule: SHIPPED_TEXT,
    description: 'The delivery address.',
    aliases: [
      'Address', 'Street', 'Street address', 'Address line', 'Address line 1', 'Address 1', 'Shipping address',
      'Delivery address', 'Postal address', 'Адрес', 'Улица', 'Адрес доставки', 'Почтовый адрес', 'Адрес получателя'
    ],
    group: 'delivery'
  },
  {
    key: 'bill_postal_code',
    label: 'Postal code',
    type: 'id',
    rule: 'Kept exactly as written, leading zeros included',
    description: 'The postal code.',
    aliases: ['Zip', 'Zip code', 'Zipcode', 'Postcode', 'Post code', 'Postal code', 'Postal', 'Индекс', 'Почтовый индекс'],
    group: 'delivery'
  },
  {
    key: 'bill_kupon',
    label: 'Coupon',
    type: 'id',
    rule: 'A coupon code as set up in the shop, kept exactly as written',
    description: 'The discount coupon, as in the shop settings.',
    aliases: [
      'bill_coupon', 'Coupon', 'Coupon code', 'Promo code', 'Promocode', 'Promo', 'Discount code', 'Voucher', 'Kupon',
      'Промокод', 'Промо код', 'Купон', 'Код купона', 'Код скидки'
    ],
    group: 'order'
  },
  {
    key: 'bill_tag',
    label: 'Tag',
    type: 'text',
    rule: OPTIONAL_TEXT,
    description: 'A free order marker (tag).',
    aliases: ['Tag', 'Tags', 'Label', 'Order tag', 'Метка', 'Метки', 'Тег', 'Теги'],
    group: 'order'
  },
  {
    key: 'bill_comment',
    label: 'Comment',
    type: 'text',
    rule: OPTIONAL_TEXT,
    description: 'A comment on the order.',
    aliases: [
      'Comment', 'Comments', 'Note', 'Notes', 'Order note', 'Order comment', 'Remarks', 'Message', 'Комментарий',
      'Комментарии', 'Примечание', 'Примечания', 'Комментарий к заказу', 'Пожелания', 'Сообщение'
    ],
    group: 'order'
  },
  {
    key: 'bill_ip',
    label: 'IP address',
    type: 'ip',
    rule: 'An IPv4 or IPv6 address, e.g. 192.168.0.1',
    description: "The customer's IP address.",
    aliases: ['IP', 'IP address', 'IPv4', 'Customer IP', 'IP-адрес', 'IP адрес клиента'],
    group: 'tracking'
  },
  {
    key: 'bill_timer_kill',
    label: 'Auto-cancel time',
    type: 'timer_kill',
    rule: 'true (cancel by the product setting), false (never cancel) or the date and time to cancel at',
    description: 'When the unpaid invoice is cancelled: by the product settings, never, or at the given time.',
    aliases: [
      'Timer kill', 'Auto cancel', 'Auto-cancel', 'Cancel at', 'Cancel after', 'Payment deadline', 'Pay by',
      'Автоотмена', 'Отмена счета', 'Срок оплаты', 'Оплатить до'
    ],
    group: 'order'
  },
  {
    key: 'bill_created',
    label: 'Order created',
    type: 'timestamp',
    rule: 'A date and time (sent as a UNIX timestamp); empty means now',
    description: 'When the order was created.',
    aliases: [
      'Created', 'Created at', 'Creation date', 'Order date', 'Date', 'Date created', 'Order time', 'Purchase date',
      'Registration date', 'Timestamp', 'Дата', 'Дата заказа', 'Дата создания', 'Время заказа', 'Дата покупки',
      'Дата регистрации', 'Отметка времени', 'Создан', 'Дата и время'
    ],
    group: 'order'
  },
  {
    key: 'bill_domain',
    label: 'Order domain',
    type: 'domain',
    rule: 'A domain name without http://, e.g. www.shop.com',
    description: 'The domain on which the order was accepted.',
    aliases: ['Domain', 'Site', 'Website', 'Shop domain', 'Домен', 'Сайт', 'Адрес сайта'],
    group: 'tracking'
  },
  utm('utm_medium', 'UTM medium', 'The channel utm parameter ("affiliate" together with a partner login in UTM source credits a partner).', ['UTM medium', 'Medium', 'Channel', 'Канал', 'Тип трафика'], 'tracking'),
  utm('utm_source', 'UTM source', 'The source utm parameter (a partner login when UTM medium is "affiliate").', ['UTM source', 'Source', 'Traffic source', 'Lead source', 'Источник', 'Источник трафика'], 'tracking'),
  utm('utm_campaign', 'UTM campaign', 'The campaign utm parameter.', ['UTM campaign', 'Campaign', 'Campaign name', 'Кампания', 'Рекламная кампания'], 'tracking'),
  utm('utm_content', 'UTM content', 'The advertisement (content) utm parameter.', ['UTM content', 'Content', 'Ad content', 'Объявление', 'Содержание объявления'], 'tracking'),
  utm('utm_term', 'UTM term', 'The keyword utm parameter.', ['UTM term', 'Term', 'Keyword', 'Keywords', 'Search term', 'Ключевое слово', 'Ключевые слова'], 'tracking'),
  utm('aff_medium', 'Affiliate medium', 'The channel affiliate parameter, shown only in the partner cabinet.', ['Affiliate medium', 'Partner medium', 'Партнерский канал'], 'affiliate'),
  utm('aff_source', 'Affiliate source', 'The source affiliate parameter, shown only in the partner cabinet.', ['Affiliate source', 'Partner source', 'Партнерский источник'], 'affiliate'),
  utm('aff_campaign', 'Affiliate campaign', 'The campaign affiliate parameter, shown only in the partner cabinet.', ['Affiliate campaign', 'Partner campaign', 'Партнерская кампания'], 'affiliate'),
  utm('aff_content', 'Affiliate content', 'The advertisement affiliate parameter, shown only in the partner cabinet.', ['Affiliate content', 'Partner content', 'Партнерское объявление'], 'affiliate'),
  utm('aff_term', 'Affiliate term', 'The keyword affiliate parameter, shown only in the partner cabinet.', ['Affiliate term', 'Partner term', 'Партнерское ключевое слово'], 'affiliate')
]

export const FIELD_CATALOG: readonly FieldSpec[] = SPECS.map((spec) => ({ ...spec, required: requiredOf(spec.key) }))

const BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(FIELD_CATALOG.map((spec) => [spec.key, spec]))

export function fieldSpec(key: string): FieldSpec | undefined {
  return BY_KEY.get(key)
}

/** Other spellings of a parameter name that count as the API name itself: the English PHP
 * sample sends `bill_coupon`, and the Russian docs and both public PHP clients send
 * `bill_otchestvo` for the middle name. */
export const API_NAME_SYNONYMS: Readonly<Partial<Record<string, readonly string[]>>> = {
  bill_kupon: ['bill_coupon'],
  bill_middle_name: ['bill_otchestvo']
}

/** What a group-by (order number) column is called. `strong` names can only mean an order
 * number; `weak` ones ("№", "Number") are also what row counters are called, so a sample must
 * show a repeated value before rows are grouped by them. */
export const ORDER_NUMBER_ALIASES = {
  strong: [
    'order_id', 'Order ID', 'Order number', 'Order No', 'Order #', 'Order num', 'Order code', 'Invoice number',
    'Invoice ID', 'Invoice No', 'Номер заказа', '№ заказа', 'Заказ №', 'ID заказа', 'Код заказа', 'Номер счета',
    '№ счета', 'Счет №'
  ],
  weak: ['Order', '№', 'No', 'Number', 'Номер', 'Заказ', 'Invoice', 'Счет']
} as const satisfies Record<'strong' | 'weak', readonly string[]>
