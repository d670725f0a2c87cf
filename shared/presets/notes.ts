// What the source detection tells the user, as a code and its parameters. The English text of
// every code is made here, in one place, so a translation can replace this one table.

export type NoteParams = Record<string, string | number>

export interface Note {
  code: string
  params: NoteParams
  /** 'info' is shown; 'warning' is counted with the plan's warnings; 'guess' waits for the user
   * to confirm it. Default 'info'. */
  level?: 'info' | 'warning' | 'guess'
}

const q = (v: string | number | undefined) => JSON.stringify(String(v ?? ''))

const TEXTS: Readonly<Record<string, (p: NoteParams) => string>> = {
  'preset.recognized': (p) => `Recognized: ${p.name}. Its preset was applied; change anything in the mapping.`,
  'preset.template': (p) => `The saved template ${q(p.template)} for these headers is used (it wins over the ${p.name} preset).`,
  'group.preset': (p) => `Rows with the same ${q(p.column)} are one order: ${p.name} lists each line item on a row of its own.`,
  'group.repeats': (p) => `Rows with the same ${q(p.column)} are one order: ${q(p.value)} is on ${p.count} rows in a row with the same e-mail.`,
  'group.named': (p) => `Rows with the same ${q(p.column)} are one order: its header names an order number.`,
  'group.empty-column': (p) => `Column ${q(p.column)} is empty, so rows are not grouped by it.`,
  'group.none': () => 'No column repeats its value on consecutive rows of one customer, so each row is one order.',
  'group.inherit': (p) => `Order details (${p.columns}) are on the first row of each order only; its other rows take them from there.`,
  'name.split': (p) =>
    `Full names in ${q(p.column)} are split ${p.order === 'surname-first' ? 'surname first (ФИО)' : 'first name first'}: ${q(p.example)} gives first name ${q(p.first)}, surname ${q(p.last)}${p.middle ? `, middle name ${q(p.middle)}` : ''}.`,
  'name.not-a-name': (p) => `Column ${q(p.column)} holds order numbers or ids (like ${q(p.example)}), not names, so it is not used for the first name.`,
  'email.buyer': (p) => `Column ${q(p.column)} is the buyer's e-mail; ${q(p.other)} has the same address on every row (the merchant's).`,
  'email.preset': (p) => `Column ${q(p.column)} is the buyer's e-mail in ${p.name}; ${q(p.other)} is the merchant's.`,
  'email.pick': (p) => `Columns ${p.columns} all hold e-mail addresses; ${q(p.column)} was taken as the buyer's.`,
  'product.sku': (p) => `Column ${q(p.column)} (product IDs) is the product, not ${q(p.other)} (titles).`,
  'product.id': (p) => `Column ${q(p.column)} holds product IDs: it is the product.`,
  'product.title-only': (p) =>
    `Column ${q(p.column)} holds product titles. CreateOrder needs the shop's product ID: titles are refused unless they are the IDs. Map an ID column, or set the product ID as a constant.`,
  'product.none': (p) =>
    `${p.name} has no product column: set the shop's product ID for every order with --map good_name==PRODUCT_ID (or a constant in the Map step), or map a column with --map good_name=COLUMN.`,
  'price.line': (p) => `Column ${q(p.column)} (the line price) is the good's price, not ${p.others} (order totals, taxes, fees).`,
  'price.total': (p) => `Column ${q(p.column)} is an order total; it is used as the price of the order's one good.`,
  'price.none': () => 'No price column was found: each good is sent without good_sum, so the shop price is used.',
  'quantity.found': (p) =>
    `Quantities are in ${q(p.column)}: ${p.mode === 'multiply' ? 'one good at price x quantity' : 'the good is sent once per unit'} (change with --quantity repeat|multiply).`,
  'quantity.ignored': (p) => `Column ${q(p.column)} looks like a quantity but is not used: each row sends its good once.`,
  'date.order': (p) => `Dates in ${q(p.column)} are read ${orderWords(p.order)}: ${p.reason}.`,
  'date.ambiguous': (p) => `The day/month order of ${q(p.column)} cannot be told: ${p.reason}. Set it with --date-order dmy|mdy (or in the Map step).`,
  'date.zone': (p) => `Times without a zone are read as ${p.zone}${p.why ? ` (${p.why})` : ''}. Another zone: --time-zone (or the Map step).`,
  'email.other-sheet': (p) =>
    `This sheet has no column of e-mail addresses, which CreateOrder needs; the workbook's sheet ${p.sheets} has them. Read that sheet with --sheet ${q(p.sheet)} (or pick it in the Load step).`,
  'email.none': (p) =>
    `${p.name} has no customer e-mail, which CreateOrder needs. Export the orders with the customer's e-mail (for WooCommerce, e.g. the Advanced Order Export plugin), or add an e-mail column and map it with --map bill_email=COLUMN.`,
  'date.offset': (p) => `Times in ${q(p.column)} carry their own offset (like ${q(p.example)}), which is used.`,
  'date.columns': (p) => `The order time is ${q(p.date)}${p.time ? ` with the time of day from ${q(p.time)}` : ''}${p.zone ? ` and the zone from ${q(p.zone)}` : ''}.`,
  'totals.skipped': (p) => `${p.count === 1 ? 'Row' : 'Rows'} ${p.rows} ${p.count === 1 ? 'is a totals row' : 'are totals rows'} (${q(p.example)}) and ${p.count === 1 ? 'is' : 'are'} left out.`,
  'ambiguous.candidates': (p) => `Several columns could be ${p.field}: ${p.columns}. None was used; pick one with --map ${p.key}=COLUMN (a header or a letter like B) or in the Map step.`,
  'map.given': (p) => `Column ${q(p.column)} is used for ${p.field}, as given.`
}

function orderWords(order: string | number | undefined): string {
  if (order === 'dmy') return 'day first'
  if (order === 'mdy') return 'month first'
  return 'year first'
}

/** The English text of a note. */
export function noteText(note: Pick<Note, 'code' | 'params'>): string {
  const text = TEXTS[note.code]
  return text ? text(note.params) : `${note.code} ${JSON.stringify(note.params)}`
}
