// Writes the bundled sample sheets next to this script. Deterministic: the same bytes on every
// run, so the committed files can be checked against a fresh run.
// Usage: node --import tsx resources/samples/make-samples.ts [output folder]
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as XLSX from 'xlsx'

const PRODUCTS = [
  { id: 'course-basic', title: 'Online course "Basics"', price: 4900 },
  { id: 'course-pro', title: 'Online course "Pro"', price: 14900 },
  { id: 'ebook-start', title: 'E-book "Getting started"', price: 990 },
  { id: 'webinar-pass', title: 'Webinar pass', price: 2500 },
  { id: 'consult-60', title: 'Consultation, 60 minutes', price: 6000 }
] as const

type ProductId = (typeof PRODUCTS)[number]['id']

function priceOf(id: ProductId): number {
  return PRODUCTS.find((p) => p.id === id)!.price
}

// ---------------------------------------------------------------- orders.csv (UTF-8, comma)

interface Buyer {
  first: string
  last: string
  email: string
  phone: string
  country: string
  city: string
  address: string
  zip: string
}

const BUYERS: readonly Buyer[] = [
  { first: 'Anna', last: 'Smirnova', email: 'anna.smirnova@example.com', phone: '+7 916 123-45-67', country: 'Russia', city: 'Moscow', address: 'ul. Tverskaya 12, kv. 45', zip: '125009' },
  { first: 'John', last: 'Miller', email: 'john.miller@example.org', phone: '+1 212 555-0142', country: 'United States', city: 'New York', address: '350 Fifth Avenue, Suite 3300', zip: '10118' },
  { first: 'Мария', last: 'Иванова', email: 'maria.ivanova@', phone: '+7 903 555-12-34', country: 'Russia', city: 'Санкт-Петербург', address: 'Невский пр. 28, кв. 7', zip: '191186' },
  { first: 'Jonas', last: 'Müller', email: 'jonas.mueller@example.de', phone: '+49 351 4567890', country: 'Germany', city: 'Dresden', address: 'Prager Straße 2', zip: '01069' },
  { first: 'Олег', last: 'Кузнецов', email: 'oleg.kuznetsov@example.ru', phone: '+7 843 210-33-44', country: 'Russia', city: 'Казань', address: 'ул. Баумана 19', zip: '420111' },
  { first: 'Emma', last: 'Brown', email: 'emma.brown@example.co.uk', phone: '+44 20 7946 0018', country: 'United Kingdom', city: 'London', address: '221B Baker Street', zip: 'NW1 6XE' },
  { first: 'Aigerim', last: 'Nurlanova', email: 'aigerim.n@example.kz', phone: '+7 727 300-20-10', country: 'Kazakhstan', city: 'Almaty', address: 'pr. Abaya 52, of. 14', zip: '050008' },
  { first: 'Pavel', last: 'Sokolov', email: 'pavel.sokolov@example.com', phone: '+7 921 777-88-99', country: 'Russia', city: 'Saint Petersburg', address: 'Liteyny pr. 40', zip: '191014' },
  { first: 'Sofia', last: 'Garcia', email: 'sofia.garcia@example.es', phone: '+34 91 123 45 67', country: 'Spain', city: 'Madrid', address: 'Calle de Alcalá 48', zip: '28014' },
  { first: 'Дмитрий', last: 'Соколов', email: 'd.sokolov@example.ru', phone: '+7 383 222-11-00', country: 'Russia', city: 'Новосибирск', address: 'Красный пр. 25', zip: '630099' }
]

const CSV_HEADERS = ['Order ID', 'First name', 'Last name', 'Email', 'Phone', 'Country', 'City', 'Address', 'Zip', 'Product', 'Price', 'Coupon', 'Created', 'Comment']

const CSV_PRODUCT_CYCLE: readonly ProductId[] = ['course-basic', 'course-pro', 'ebook-start', 'webinar-pass', 'consult-60', 'ebook-start', 'course-basic']

const CSV_COMMENTS = ['', '', 'Please send the invoice to my work e-mail', '', 'Gift for a colleague, "Happy birthday!"', '', 'Call before 18:00, please', '']

function csvRows(): string[][] {
  const rows: string[][] = []
  for (let i = 0; i < 30; i++) {
    const buyer = BUYERS[i % BUYERS.length]!
    const product = CSV_PRODUCT_CYCLE[i % CSV_PRODUCT_CYCLE.length]!
    // Row 12 leaves the price to the shop (its own price list is used).
    const price = i === 11 ? '' : priceOf(product).toFixed(2)
    const day = 2 + Math.floor(i / 3)
    const created = `2026-11-${String(day).padStart(2, '0')} ${String(9 + (i % 10)).padStart(2, '0')}:${i % 2 === 0 ? '30' : '05'}`
    rows.push([
      `A-${1001 + i}`,
      buyer.first,
      buyer.last,
      buyer.email,
      buyer.phone,
      buyer.country,
      buyer.city,
      buyer.address,
      buyer.zip,
      product,
      price,
      i % 4 === 1 ? 'AUTUMN10' : '',
      created,
      CSV_COMMENTS[i % CSV_COMMENTS.length]!
    ])
  }
  // Exactly one row has an unusable e-mail: the buyer appears three times, only the first time
  // with the broken address.
  const broken = rows.filter((row) => row[3] === 'maria.ivanova@')
  for (const row of broken.slice(1)) row[3] = 'maria.ivanova@example.ru'
  return rows
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function ordersCsv(): string {
  return [CSV_HEADERS, ...csvRows()].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

// ---------------------------------------------------------------- orders-grouped.xlsx

interface Line {
  order: string
  created: number
  buyer: Buyer
  product: ProductId
  comment: string
}

/** Excel serial of a local date and time (1900 date system). */
function excelSerial(year: number, month: number, day: number, hour: number, minute: number): number {
  return (Date.UTC(year, month - 1, day, hour, minute) - Date.UTC(1899, 11, 30)) / 86_400_000
}

const LINES_PER_ORDER = [1, 2, 3, 1, 2, 1, 3, 2, 1, 1, 2, 3, 1, 2, 1]

function groupedLines(): Line[] {
  const lines: Line[] = []
  let productIndex = 0
  LINES_PER_ORDER.forEach((count, i) => {
    const buyer = BUYERS[(i * 3) % BUYERS.length]!
    const created = excelSerial(2026, 11, 3 + Math.floor(i / 2), 10 + (i % 8), (i * 7) % 60)
    for (let line = 0; line < count; line++) {
      lines.push({
        order: `SO-${2401 + i}`,
        created,
        buyer: { ...buyer, email: buyer.email === 'maria.ivanova@' ? 'maria.ivanova@example.ru' : buyer.email },
        product: PRODUCTS[productIndex++ % PRODUCTS.length]!.id,
        comment: line === 0 && i % 4 === 2 ? 'Corporate order, invoice needed' : ''
      })
    }
  })
  return lines
}

const MONEY = '#,##0.00 "₽"'
const DATE_TIME = 'dd.mm.yyyy hh:mm'
const ZIP = '000000'

function ordersSheet(): XLSX.WorkSheet {
  const headers = ['Order number', 'Created', 'First name', 'Last name', 'Email', 'Phone', 'Country', 'City', 'Address', 'Zip', 'Product', 'Price', 'Comment']
  const lines = groupedLines()
  const aoa: (string | number)[][] = [headers]
  for (const line of lines) {
    // Six-digit postcodes (Russia, Kazakhstan) are typed as numbers shown through 000000, as
    // Excel users do; the others stay text.
    const zip = /^\d{6}$/.test(line.buyer.zip) ? Number(line.buyer.zip) : line.buyer.zip
    aoa.push([line.order, line.created, line.buyer.first, line.buyer.last, line.buyer.email, line.buyer.phone, line.buyer.country, line.buyer.city, line.buyer.address, zip, line.product, priceOf(line.product), line.comment])
  }
  const sheet = XLSX.utils.aoa_to_sheet(aoa)
  for (let r = 1; r <= lines.length; r++) {
    setFormat(sheet, r, 1, DATE_TIME)
    setFormat(sheet, r, 9, ZIP)
    setFormat(sheet, r, 11, MONEY)
  }
  sheet['!cols'] = [12, 16, 12, 14, 28, 18, 14, 16, 26, 9, 14, 12, 30].map((wch) => ({ wch }))
  return sheet
}

function setFormat(sheet: XLSX.WorkSheet, r: number, c: number, format: string): void {
  const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined
  if (cell && cell.t === 'n') cell.z = format
}

function productsSheet(): XLSX.WorkSheet {
  const aoa: (string | number | boolean)[][] = [['Product id', 'Title', 'Price', 'Active']]
  for (const product of PRODUCTS) aoa.push([product.id, product.title, product.price, true])
  const sheet = XLSX.utils.aoa_to_sheet(aoa)
  for (let r = 1; r <= PRODUCTS.length; r++) setFormat(sheet, r, 2, MONEY)
  return sheet
}

function groupedWorkbook(): Uint8Array {
  const workbook = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(workbook, ordersSheet(), 'Orders')
  XLSX.utils.book_append_sheet(workbook, productsSheet(), 'Products')
  // A fixed creation date keeps the file byte-identical between runs.
  workbook.Props = { Title: 'Orders, November 2026', Author: 'Orderbatch samples', CreatedDate: new Date(Date.UTC(2026, 10, 1)) }
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer)
}

// ---------------------------------------------------------------- attendees-1251.csv

const ATTENDEES: readonly (readonly [string, string, string, string, string])[] = [
  ['Иванов', 'Алексей', 'Петрович', 'a.ivanov@example.ru', 'Москва'],
  ['Смирнова', 'Ольга', 'Викторовна', 'olga.smirnova@example.ru', 'Санкт-Петербург'],
  ['Кузнецов', 'Дмитрий', 'Сергеевич', 'kuznetsov.ds@example.ru', 'Казань'],
  ['Попова', 'Екатерина', 'Андреевна', 'e.popova@example.ru', 'Екатеринбург'],
  ['Васильев', 'Игорь', 'Николаевич', 'vasiliev.in@example.ru', 'Новосибирск'],
  ['Соколова', 'Анна', 'Михайловна', 'anna.sokolova@example.ru', 'Москва'],
  ['Михайлов', 'Сергей', 'Александрович', 's.mikhailov@example.ru', 'Нижний Новгород'],
  ['Новикова', 'Татьяна', 'Юрьевна', 'novikova.t@example.ru', 'Самара'],
  ['Фёдоров', 'Андрей', 'Владимирович', 'a.fedorov@example.ru', 'Ростов-на-Дону'],
  ['Морозова', 'Наталья', 'Игоревна', 'n.morozova@example.ru', 'Воронеж'],
  ['Волков', 'Павел', 'Евгеньевич', 'p.volkov@example.ru', 'Пермь'],
  ['Алексеева', 'Юлия', 'Олеговна', 'yu.alekseeva@example.ru', 'Краснодар'],
  ['Лебедев', 'Максим', 'Дмитриевич', 'lebedev.m@example.ru', 'Уфа'],
  ['Семёнова', 'Ирина', 'Павловна', 'i.semenova@example.ru', 'Челябинск'],
  ['Егоров', 'Николай', 'Иванович', 'egorov.n@example.ru', 'Омск'],
  ['Павлова', 'Светлана', 'Борисовна', 's.pavlova@example.ru', 'Тюмень'],
  ['Козлов', 'Артём', 'Романович', 'a.kozlov@example.ru', 'Ярославль'],
  ['Степанова', 'Мария', 'Константиновна', 'm.stepanova@example.ru', 'Иркутск'],
  ['Николаев', 'Виктор', 'Геннадьевич', 'v.nikolaev@example.ru', 'Томск'],
  ['Орлова', 'Елена', 'Аркадьевна', 'e.orlova@example.ru', 'Калининград']
]

const ATTENDEE_HEADERS = ['Фамилия', 'Имя', 'Отчество', 'Электронная почта', 'Телефон', 'Город', 'Товар', 'Сумма', 'Дата заказа', 'Комментарий']

const TICKETS: readonly { product: ProductId; sum: string }[] = [
  { product: 'webinar-pass', sum: '2 500,00' },
  { product: 'consult-60', sum: '6 000,00' },
  { product: 'course-basic', sum: '4 900,00' },
  { product: 'webinar-pass', sum: '1 500,50' }
]

const ATTENDEE_COMMENTS = ['', 'Нужен счёт на организацию', '', 'Участие онлайн', '', '', 'Вегетарианское меню, пожалуйста', '']

function attendeesCsv(): string {
  const lines = ['Список участников конференции 2026', '', ATTENDEE_HEADERS.join(';')]
  ATTENDEES.forEach(([last, first, middle, email, city], i) => {
    const ticket = TICKETS[i % TICKETS.length]!
    const phone = `+7 (9${String(10 + i * 3).padStart(2, '0')}) ${String(100 + i * 17).slice(-3)}-${String(10 + i).padStart(2, '0')}-${String(40 + i).padStart(2, '0')}`
    const date = `${String(1 + (i % 28)).padStart(2, '0')}.10.2026`
    lines.push([last, first, middle, email, phone, city, ticket.product, ticket.sum, date, ATTENDEE_COMMENTS[i % ATTENDEE_COMMENTS.length]!].join(';'))
  })
  return lines.join('\r\n') + '\r\n'
}

/** Windows-1251 bytes for text made of ASCII and Russian letters. */
function encodeWindows1251(text: string): Uint8Array {
  const table = new Map<string, number>()
  const decoder = new TextDecoder('windows-1251')
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte)
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const byte = code < 0x80 ? code : table.get(text[i]!)
    if (byte === undefined) throw new Error(`"${text[i]}" has no Windows-1251 byte`)
    out[i] = byte
  }
  return out
}

/** File name -> bytes of every sample. */
export function buildSamples(): Record<string, Uint8Array> {
  return {
    'orders.csv': new TextEncoder().encode(ordersCsv()),
    'orders-grouped.xlsx': groupedWorkbook(),
    'attendees-1251.csv': encodeWindows1251(attendeesCsv())
  }
}

function main(): void {
  const folder = process.argv[2] ?? fileURLToPath(new URL('.', import.meta.url))
  for (const [name, bytes] of Object.entries(buildSamples())) writeFileSync(join(folder, name), bytes)
  console.log(`samples written to ${folder}`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main()
