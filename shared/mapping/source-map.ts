// The mapping for a file as its author meant it: the export format is recognized by its headers
// and brings its preset; then the rows decide what headers cannot (which column is the order,
// whose e-mail is the buyer's, the product ID over its title, the line price over totals, the
// quantity, full names, the day/month order and the zone of the times). Every decision is a
// note (a code and its parameters); a rule choosing between look-alikes is a guess the user
// confirms; where no rule decides, the field stays unmapped and the candidates are named.
import { autoMap, type AutoMapResult } from './auto-map'
import { columnLetter } from '../sheet/column-letter'
import type { OrderFieldKey } from './field-keys'
import { splitFullName } from '../transforms/full-name'
import { normalizeHeader } from './header-normalize'
import { resolveColumn, letterIndex, type FieldMapping, type Mapping } from './mapping'
import type { Cell } from '../sheet/sheet'
import { detectDateOrder } from '../transforms/index'
import { cellToText } from '../transforms/index'
import { findPresetColumn, presetById, recognizeSource, type PresetColumn, type SourcePreset } from '../presets/index'
import {
  FULL_NAME_HEADERS,
  LINE_PRICE_WORDS,
  LINE_TOTAL_WORDS,
  PRODUCT_ID_WORDS,
  QUANTITY_HEADERS,
  SURNAME_FIRST_HEADERS,
  TIME_HEADERS,
  TOTAL_WORDS,
  ZONE_HEADERS
} from '../presets/aliases'
import { dateOrderParams, type Note } from '../presets/notes'

export interface SourceOptions {
  /** Zone for times without one (default UTC); `timeZoneWhy` says where it came from. */
  timeZone?: string
  timeZoneWhy?: string
  /** Day/month order given by the user for every date column. */
  dateOrder?: 'dmy' | 'mdy' | 'ymd'
  /** How quantities reach CreateOrder (default 'repeat'). */
  quantity?: 'repeat' | 'multiply'
  /** Other sheets of the workbook that have e-mail addresses (SheetMeta.sheetsWithEmails). */
  sheetsWithEmails?: readonly string[]
  /** Columns the user chose (`--map FIELD=COLUMN`), applied last. */
  overrides?: readonly MapOverride[]
}

/** FIELD is an API key (bill_email, good_name, goods[1][good_sum]), `groupBy` or `quantity`;
 * COLUMN a header, a column letter, or `=value` for a constant. */
export interface MapOverride {
  field: string
  column: string
}

export interface SourceMapResult extends AutoMapResult {
  /** The recognized export format, if any. */
  source: { id: string; name: string } | null
  notes: Note[]
}

/** Rows looked at to decide (the whole file up to this many). */
const ANALYSED_ROWS = 5000

export function mapSource(headers: readonly string[], rows: readonly Cell[][], options: SourceOptions = {}): SourceMapResult {
  const sample = rows.length > ANALYSED_ROWS ? rows.slice(0, ANALYSED_ROWS) : rows
  const auto = autoMap(headers, sample.slice(0, 200))
  const mapper = new SourceMapper(headers, sample, auto, options)
  return mapper.run()
}

type Guess = NonNullable<Mapping['guesses']>[number]

const norm = (h: string) => normalizeHeader(h)
const NORMAL_SETS = new Map<readonly string[], Set<string>>()
function inList(header: string, list: readonly string[]): boolean {
  let set = NORMAL_SETS.get(list)
  if (!set) NORMAL_SETS.set(list, (set = new Set(list.map(norm))))
  return set.has(norm(header))
}
function hasWord(header: string, words: readonly string[]): boolean {
  const h = ` ${norm(header)} `
  return words.some((w) => h.includes(` ${norm(w)} `))
}

/** A price column whose name says it holds the whole line (Total, Line Total, Сумма, Amount), not
 * one unit's price: beside a quantity it is split into unit prices. */
function isLineTotalHeader(header: string): boolean {
  return header !== '' && (hasWord(header, TOTAL_WORDS) || hasWord(header, LINE_TOTAL_WORDS) || /^(amount|sum|сумма|стоимость)$/i.test(header.trim()))
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const ID_LIKE = /^[#№]?\s*[\p{L}]{0,5}[-_/ ]?\d[\d\-_/.]*$/u
/** A Russian patronymic: Иванович, Сергеевич, Ильич, Ивановна, Сергеевна, Никитична, Ильинична. */
const PATRONYMIC = /^[А-ЯЁ][а-яё]+(?:ович|евич|ьич|овна|евна|ична)$/u
const OFFSET = /(?:[+-]\d{2}:?\d{2}|Z|\bUTC|\bGMT)$/

class SourceMapper {
  private readonly mapping: Mapping
  private readonly notes: Note[] = []
  private readonly guesses: Guess[] = []
  private readonly texts = new Map<number, string[]>()
  private preset: SourcePreset | null = null
  /** Fields a preset or the user decided: the data rules leave them alone. */
  private readonly decided = new Set<string>()

  constructor(
    private readonly headers: readonly string[],
    private readonly rows: readonly Cell[][],
    private readonly auto: AutoMapResult,
    private readonly options: SourceOptions
  ) {
    this.mapping = JSON.parse(JSON.stringify(auto.mapping)) as Mapping
    this.mapping.defaults.timeZone = options.timeZone ?? this.mapping.defaults.timeZone
  }

  run(): SourceMapResult {
    this.preset = recognizeSource(this.headers)
    if (this.preset) this.applyPreset(this.preset)
    this.email()
    this.notAName()
    this.fullName()
    this.product()
    this.price()
    this.quantity()
    this.groupBy()
    this.dates()
    this.ambiguities()
    this.overrides()
    this.droppedQuantity()
    if (!this.isSet('bill_email') && this.options.sheetsWithEmails && this.options.sheetsWithEmails.length > 0) {
      const sheets = this.options.sheetsWithEmails.map((n) => JSON.stringify(n)).join(', ')
      this.note('email.other-sheet', { sheets, sheet: this.options.sheetsWithEmails[0]!, key: 'bill_email', replaces: 'bill_email' }, 'warning')
    }
    if (this.guesses.length > 0) this.mapping.guesses = this.guesses
    const source = this.preset ? { id: this.preset.id, name: this.preset.name } : null
    if (source) this.mapping.preset = source.id
    const missingRequired = this.auto.missingRequired.filter((key) => !this.isSet(key))
    const used = usedColumns(this.headers, this.mapping)
    const unmatchedHeaders = this.headers.filter((h, i) => h.trim() !== '' && !used.has(i))
    return { ...this.auto, mapping: this.mapping, missingRequired, unmatchedHeaders, source, notes: this.notes }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private note(code: string, params: Note['params'] = {}, level: Note['level'] = 'info'): void {
    this.notes.push({ code, params, level })
  }

  private guess(field: string, column: number, code: string, params: Note['params']): void {
    this.guesses.push({ field, column: this.headerOf(column), code, params })
    this.note(code, params, 'guess')
  }

  private headerOf(index: number): string {
    const h = (this.headers[index] ?? '').trim()
    return h === '' ? columnLetter(index) : h
  }

  private values(index: number): string[] {
    let known = this.texts.get(index)
    if (!known) {
      known = this.rows.map((row) => {
        const cell = row[index] ?? null
        return cell === null ? '' : cellToText(cell).trim()
      })
      this.texts.set(index, known)
    }
    return known
  }

  private filled(index: number): string[] {
    return this.values(index).filter((v) => v !== '')
  }

  /** Share of filled values that pass `test` (0 when the column is empty). */
  private share(index: number, test: (v: string) => boolean): number {
    const values = this.filled(index)
    return values.length === 0 ? 0 : values.filter(test).length / values.length
  }

  private columnMapping(index: number, transform?: FieldMapping['transform']): FieldMapping {
    const header = (this.headers[index] ?? '').trim()
    const source: FieldMapping['source'] =
      header === ''
        ? { kind: 'column', column: columnLetter(index), letter: true }
        : occurrenceOf(this.headers, index) > 1
          ? { kind: 'column', column: header, occurrence: occurrenceOf(this.headers, index) }
          : { kind: 'column', column: header }
    return transform ? { source, transform } : { source }
  }

  private columnOf(field: FieldMapping | undefined): number {
    if (!field || field.source.kind !== 'column') return -1
    return resolveColumn(this.headers, field.source)
  }

  private fieldColumn(key: OrderFieldKey): number {
    return this.columnOf(this.mapping.fields[key])
  }

  private isSet(key: string): boolean {
    if (key === 'good_name' || key === 'goods[0][good_name]') return this.mapping.goods[0]?.name.source.kind !== 'none'
    const field = this.mapping.fields[key as OrderFieldKey]
    return field !== undefined && field.source.kind !== 'none'
  }

  private find(column: PresetColumn | undefined): number {
    return column === undefined ? -1 : findPresetColumn(this.headers, column)
  }

  /** Of a preset column's alternatives in the file (amoCRM's work and personal e-mail), the one
   * with the most values; the first on a tie. */
  private fullest(column: PresetColumn): number {
    const names = typeof column === 'string' ? [column] : column
    let best = -1
    for (const name of names) {
      const at = findPresetColumn(this.headers, name)
      if (at >= 0 && (best < 0 || this.filled(at).length > this.filled(best).length)) best = at
    }
    return best
  }

  /** Takes a column away from every order field it feeds (so one column is not two fields). */
  private release(index: number, except?: OrderFieldKey): void {
    for (const [key, field] of Object.entries(this.mapping.fields)) {
      if (key !== except && this.columnOf(field) === index && !field?.transform?.namePart) delete this.mapping.fields[key as OrderFieldKey]
    }
  }

  private setField(key: OrderFieldKey, index: number, transform?: FieldMapping['transform']): void {
    this.release(index, key)
    this.mapping.fields[key] = this.columnMapping(index, transform)
  }

  private good(): Mapping['goods'][number] {
    return this.mapping.goods[0]!
  }

  // ---- the preset ----------------------------------------------------------------------------

  private applyPreset(preset: SourcePreset): void {
    this.note('preset.recognized', { name: preset.name, id: preset.id })
    for (const name of preset.ignore ?? []) {
      const at = this.find(name)
      if (at >= 0) this.release(at)
    }
    for (const [key, column] of Object.entries(preset.fields ?? {})) {
      const at = this.fullest(column)
      if (at < 0) continue
      this.setField(key as OrderFieldKey, at)
      this.decided.add(key)
    }
    if (preset.fullName && !(preset.fields?.bill_first_name && this.isSet('bill_first_name'))) {
      const at = this.find(preset.fullName.column)
      if (at >= 0) this.split(at, this.nameOrder(at, preset.fullName.order))
    }
    if (preset.product && preset.product.length === 0) {
      this.good().name = { source: { kind: 'none' } }
      this.decided.add('good_name')
      this.note('product.none', { name: preset.name, key: 'goods[0][good_name]', replaces: 'goods[0][good_name]' }, 'warning')
    } else if (preset.product) {
      const found = preset.product.map((name) => this.find(name)).filter((at) => at >= 0)
      const at = found.find((i) => this.filled(i).length > 0) ?? found[0]
      if (at === undefined) {
        this.good().name = { source: { kind: 'none' } }
        this.decided.add('good_name')
        this.note('product.none', { name: preset.name, key: 'goods[0][good_name]', replaces: 'goods[0][good_name]' }, 'warning')
      } else {
        this.good().name = this.columnMapping(at)
        this.decided.add('good_name')
        const title = found[found.length - 1]!
        if (at !== title) this.note('product.sku', { column: this.headerOf(at), other: this.headerOf(title) })
        else if (this.looksLikeTitles(at)) this.note('product.title-only', { column: this.headerOf(at) }, 'warning')
      }
    }
    // The preset knows its line layout: a quantity it does not name is not one.
    if (preset.product && preset.product.length > 0) this.decided.add('quantity')
    if (preset.fields?.bill_email && this.find(preset.fields.bill_email) < 0) {
      this.decided.add('bill_email')
      this.note('email.none', { name: preset.name, key: 'bill_email', replaces: 'bill_email' }, 'warning')
    } else if (!preset.fields?.bill_email && preset.product && !this.isSet('bill_email')) {
      this.note('email.none', { name: preset.name, key: 'bill_email', replaces: 'bill_email' }, 'warning')
    }
    const price = this.find(preset.price)
    if (price >= 0) {
      this.good().sum = this.columnMapping(price)
      this.release(price)
      this.decided.add('good_sum')
    }
    const quantity = this.find(preset.quantity)
    if (quantity >= 0) {
      // The preset says what its own price column holds; a column the headers chose instead (a
      // register with Сумма and no Цена) is read by its name, as in a file no preset knows.
      const sumHeader = this.headers[this.columnOf(this.good().sum)] ?? ''
      const priceIs = price >= 0 ? (preset.priceIs ?? 'unit') : isLineTotalHeader(sumHeader) ? 'line' : 'unit'
      this.good().quantity = { column: refOf(this.columnMapping(quantity)), mode: this.options.quantity ?? 'repeat', price: priceIs }
      this.decided.add('quantity')
    }
    const merchant = this.find(preset.merchantEmail)
    const buyer = this.fieldColumn('bill_email')
    if (merchant >= 0 && buyer >= 0) this.note('email.preset', { column: this.headerOf(buyer), other: this.headerOf(merchant), name: preset.name })
    this.mapping.groupBy = null
    const key = this.find(preset.groupBy)
    if (key >= 0) {
      if (this.filled(key).length === 0) this.note('group.empty-column', { column: this.headerOf(key) })
      else {
        this.mapping.groupBy = refOf(this.columnMapping(key))
        this.release(key)
        this.note('group.preset', { column: this.headerOf(key), name: preset.name })
      }
    }
    this.decided.add('groupBy')
    const created = this.mapping.fields.bill_created
    if (preset.time && created) {
      const time = this.find(preset.time.time)
      const zone = this.find(preset.time.zone)
      created.transform = {
        ...created.transform,
        ...(time >= 0 ? { timeColumn: refOf(this.columnMapping(time)) } : {}),
        ...(zone >= 0 ? { zoneColumn: refOf(this.columnMapping(zone)) } : {})
      }
    }
  }

  // ---- the rows decide -----------------------------------------------------------------------

  /** Two or more columns of e-mail addresses: the buyer's varies, the merchant's repeats. */
  private email(): void {
    if (this.decided.has('bill_email')) return
    const columns = this.headers.map((_, i) => i).filter((i) => this.filled(i).length > 0 && this.share(i, (v) => EMAIL.test(v)) >= 0.8)
    if (columns.length === 0) return
    const current = this.fieldColumn('bill_email')
    if (columns.length === 1) {
      if (current < 0) this.setField('bill_email', columns[0]!)
      return
    }
    const constant = columns.filter((i) => new Set(this.filled(i).map((v) => v.toLowerCase())).size === 1 && this.filled(i).length >= 2)
    const varying = columns.filter((i) => !constant.includes(i))
    if (varying.length === 1 && constant.length > 0) {
      this.setField('bill_email', varying[0]!)
      this.note('email.buyer', { column: this.headerOf(varying[0]!), other: this.headerOf(constant[0]!) })
      return
    }
    const pool = varying.length > 0 ? varying : columns
    const pick = pool.includes(current) ? current : pool.reduce((a, b) => (this.filled(b).length > this.filled(a).length ? b : a))
    this.setField('bill_email', pick)
    this.guess('bill_email', pick, 'email.pick', { column: this.headerOf(pick), columns: pool.map((i) => JSON.stringify(this.headerOf(i))).join(', ') })
  }

  /** An order number or an id is never a name. */
  private notAName(): void {
    for (const key of ['bill_first_name', 'bill_surname', 'bill_middle_name'] as const) {
      const field = this.mapping.fields[key]
      const at = this.columnOf(field)
      if (at < 0 || field?.transform?.namePart) continue
      if (this.share(at, (v) => ID_LIKE.test(v) || EMAIL.test(v)) < 0.8) continue
      delete this.mapping.fields[key]
      this.note('name.not-a-name', { column: this.headerOf(at), example: this.filled(at)[0] ?? '' })
    }
  }

  /** A full-name column and no surname column: the name is split. */
  private fullName(): void {
    if (this.decided.has('bill_first_name') || this.mapping.fields.bill_first_name?.transform?.namePart) return
    if (this.isSet('bill_surname')) return
    const mapped = this.fieldColumn('bill_first_name')
    const candidates = mapped >= 0 ? [mapped] : this.headers.map((_, i) => i).filter((i) => inList(this.headers[i] ?? '', FULL_NAME_HEADERS))
    for (const at of candidates) {
      const header = this.headers[at] ?? ''
      const named = inList(header, FULL_NAME_HEADERS)
      const words = this.share(at, (v) => /\S\s+\S/.test(v))
      if (!named && words < 0.5) continue
      if (this.share(at, (v) => ID_LIKE.test(v) || EMAIL.test(v)) >= 0.5) continue
      if (words === 0) continue
      this.split(at, inList(header, SURNAME_FIRST_HEADERS) ? 'surname-first' : this.nameOrder(at, 'given-first'))
      return
    }
  }

  /** The names themselves can say how they are written, whatever the header: a Russian ФИО
   * ("Иванов Иван Иванович") ends in a patronymic, while "Иван Иванович Иванов" has it second. When
   * more names end in one than have it second, they are surname first. */
  private nameOrder(at: number, otherwise: 'given-first' | 'surname-first'): 'given-first' | 'surname-first' {
    let last = 0
    let second = 0
    for (const value of this.filled(at)) {
      if (value.includes(',')) continue
      const tokens = value.trim().split(/\s+/)
      if (tokens.length !== 3) continue
      const [atSecond, atLast] = [PATRONYMIC.test(tokens[1]!), PATRONYMIC.test(tokens[2]!)]
      if (atLast && !atSecond) last++
      else if (atSecond && !atLast) second++
    }
    return last > second ? 'surname-first' : otherwise
  }

  private split(at: number, order: 'given-first' | 'surname-first'): void {
    this.release(at)
    this.mapping.fields.bill_first_name = this.columnMapping(at, { namePart: 'first', nameOrder: order })
    this.mapping.fields.bill_surname = this.columnMapping(at, { namePart: 'last', nameOrder: order })
    if (order === 'surname-first') this.mapping.fields.bill_middle_name = this.columnMapping(at, { namePart: 'middle', nameOrder: order })
    for (const key of ['bill_first_name', 'bill_surname', 'bill_middle_name']) this.decided.add(key)
    const example = this.filled(at).find((v) => /\S\s+\S/.test(v)) ?? this.filled(at)[0] ?? ''
    const parts = splitFullName(example, order)
    this.note('name.split', { column: this.headerOf(at), order, example, first: parts.first, last: parts.last, middle: parts.middle })
  }

  private looksLikeTitles(at: number): boolean {
    return this.share(at, (v) => /\s/.test(v.trim()) || v.length > 40) >= 0.5
  }

  /** The product ID over the product title. */
  private product(): void {
    if (this.decided.has('good_name') || this.mapping.goods.length !== 1) return
    const current = this.columnOf(this.good().name)
    const ids = this.headers.map((_, i) => i).filter((i) => i !== current && hasWord(this.headers[i] ?? '', PRODUCT_ID_WORDS) && this.filled(i).length > 0)
    const ambiguous = this.auto.ambiguities.find((a) => a.field === 'good_name' || a.field === 'goods[0][good_name]')
    const pool = ambiguous ? ambiguous.candidates.map((c) => c.columnIndex) : []
    const idColumn = ids.find((i) => pool.length === 0 || pool.includes(i)) ?? ids[0]
    if (idColumn !== undefined && (current < 0 ? pool.length > 0 : this.looksLikeTitles(current) || pool.length > 0)) {
      const title = current >= 0 ? current : pool.find((i) => i !== idColumn) ?? -1
      this.good().name = this.columnMapping(idColumn)
      this.release(idColumn)
      const params = { column: this.headerOf(idColumn), other: title >= 0 ? this.headerOf(title) : '' }
      if (title >= 0) this.guess('goods[0][good_name]', idColumn, 'product.sku', params)
      return
    }
    if (current < 0 && idColumn !== undefined) {
      this.good().name = this.columnMapping(idColumn)
      this.release(idColumn)
      this.note('product.id', { column: this.headerOf(idColumn) })
      return
    }
    if (current >= 0 && this.looksLikeTitles(current)) this.note('product.title-only', { column: this.headerOf(current) }, 'warning')
  }

  /** The line price over totals, taxes and fees. */
  private price(): void {
    const good = this.good()
    if (!this.decided.has('good_sum') && this.mapping.goods.length === 1) {
      const current = this.columnOf(good.sum)
      const ambiguous = this.auto.ambiguities.find((a) => a.field === 'good_sum' || a.field === 'goods[0][good_sum]')
      const isTotal = (i: number) => hasWord(this.headers[i] ?? '', TOTAL_WORDS)
      const isLine = (i: number) => !isTotal(i) && hasWord(this.headers[i] ?? '', LINE_PRICE_WORDS) && this.filled(i).length > 0
      const lines = this.headers.map((_, i) => i).filter(isLine)
      if ((current < 0 && ambiguous) || (current >= 0 && isTotal(current))) {
        const pool = ambiguous ? ambiguous.candidates.map((c) => c.columnIndex) : []
        const line = lines.find((i) => pool.includes(i)) ?? lines[0]
        if (line !== undefined) {
          const others = [...new Set([...pool, ...(current >= 0 ? [current] : [])])].filter((i) => i !== line)
          good.sum = this.columnMapping(line)
          this.release(line)
          this.guess('goods[0][good_sum]', line, 'price.line', { column: this.headerOf(line), others: others.map((i) => JSON.stringify(this.headerOf(i))).join(', ') })
        }
      }
    }
    if (!this.decided.has('good_sum') && this.mapping.goods.length === 1 && this.columnOf(good.sum) < 0 && !this.preset?.price) {
      // No line price, but a line total ("Line Total", "Сумма по позиции"): that is the good's
      // price (split by the quantity, when there is one), as a guess to confirm.
      const total = this.headers.findIndex((h, i) => hasWord(h, LINE_TOTAL_WORDS) && this.filled(i).length > 0)
      if (total >= 0) {
        good.sum = this.columnMapping(total)
        this.release(total)
        this.guess('goods[0][good_sum]', total, 'price.line', { column: this.headerOf(total), others: '' })
      }
    }
    if (this.columnOf(good.sum) < 0 && good.name.source.kind !== 'none' && !this.preset?.price) this.note('price.none', {}, 'warning')
  }

  private quantity(): void {
    if (this.decided.has('quantity') || this.mapping.goods.length !== 1) return
    const at = this.headers.findIndex((h) => inList(h, QUANTITY_HEADERS))
    if (at < 0 || this.filled(at).length === 0) return
    const line = isLineTotalHeader(this.headers[this.columnOf(this.good().sum)] ?? '')
    this.good().quantity = { column: refOf(this.columnMapping(at)), mode: this.options.quantity ?? 'repeat', price: line ? 'line' : 'unit' }
    this.release(at)
  }

  /** A quantity column no good uses (several goods per row, each its own column) is said, as a
   * warning: a quantity is never dropped silently. */
  private droppedQuantity(): void {
    if (this.decided.has('quantity') || this.mapping.goods.some((g) => g.quantity !== undefined)) return
    const at = this.headers.findIndex((h) => inList(h, QUANTITY_HEADERS))
    if (at < 0 || this.filled(at).length === 0 || this.filled(at).every((v) => /^0*1(?:[.,]0+)?$/.test(v.trim()))) return
    this.note('quantity.ignored', { column: this.headerOf(at) }, 'warning')
  }

  /** The column whose value repeats on consecutive rows of one customer is the order. */
  private groupBy(): void {
    const good = this.good()
    if (good.quantity) {
      good.quantity.mode = this.options.quantity ?? good.quantity.mode
      this.note('quantity.found', { column: good.quantity.column.column, mode: good.quantity.mode })
    }
    if (!this.decided.has('groupBy')) this.findOrderKey()
    const key = this.mapping.groupBy ? resolveColumn(this.headers, this.mapping.groupBy) : -1
    if (key >= 0) this.inheritNote(key)
  }

  private findOrderKey(): void {
    const current = this.mapping.groupBy ? resolveColumn(this.headers, this.mapping.groupBy) : -1
    if (current >= 0 && this.filled(current).length === 0) {
      this.mapping.groupBy = null
      this.note('group.empty-column', { column: this.headerOf(current) })
    } else if (current >= 0) {
      const evidence = this.repeats(current)
      this.note(evidence ? 'group.repeats' : 'group.named', evidence ? { column: this.headerOf(current), ...evidence } : { column: this.headerOf(current) })
      return
    }
    const email = this.fieldColumn('bill_email')
    if (email < 0) return
    const used = new Set<number>([email])
    for (const field of Object.values(this.mapping.fields)) {
      const at = this.columnOf(field)
      if (at >= 0 && !field?.transform?.namePart) used.add(at)
    }
    for (const g of this.mapping.goods) for (const f of [g.name, g.sum]) if (f) used.add(this.columnOf(f))
    if (good(this.mapping).quantity) used.add(resolveColumn(this.headers, good(this.mapping).quantity!.column))
    const candidates: Array<{ at: number; value: string; count: number; hinted: boolean; partition: string }> = []
    for (let at = 0; at < this.headers.length; at++) {
      if (used.has(at)) continue
      const values = this.values(at)
      if (values.some((v) => v === '')) continue
      if (this.share(at, (v) => ID_LIKE.test(v)) < 0.8) continue
      const evidence = this.repeats(at)
      if (!evidence) continue
      candidates.push({ at, ...evidence, hinted: hasWord(this.headers[at] ?? '', ['order', 'заказ', 'invoice', 'счет', 'счёт', 'no', 'номер', 'name']), partition: partition(values) })
    }
    if (candidates.length === 0) {
      if (this.rows.length > 1) this.note('group.none')
      return
    }
    candidates.sort((a, b) => Number(b.hinted) - Number(a.hinted) || a.at - b.at)
    const best = candidates[0]!
    this.mapping.groupBy = refOf(this.columnMapping(best.at))
    const params = { column: this.headerOf(best.at), value: best.value, count: best.count }
    if (candidates.some((c) => c.partition !== best.partition)) this.guess('groupBy', best.at, 'group.repeats', params)
    else this.note('group.repeats', params)
  }

  /** A value on consecutive rows with the same e-mail, and never with two e-mails. */
  private repeats(at: number): { value: string; count: number } | null {
    const email = this.fieldColumn('bill_email')
    const values = this.values(at)
    const emails = email >= 0 ? this.values(email) : null
    let best: { value: string; count: number } | null = null
    let run = 1
    for (let r = 1; r < values.length; r++) {
      const same = values[r] !== '' && values[r] === values[r - 1]
      if (!same) {
        run = 1
        continue
      }
      if (emails && emails[r] !== '' && emails[r - 1] !== '' && emails[r]!.toLowerCase() !== emails[r - 1]!.toLowerCase()) return null
      run += 1
      if (!best || run > best.count) best = { value: values[r]!, count: run }
    }
    return best
  }

  private inheritNote(key: number): void {
    const keys = this.values(key)
    const firstOnly: string[] = []
    for (const [name, field] of Object.entries(this.mapping.fields)) {
      const at = this.columnOf(field)
      if (at < 0 || name === 'bill_email' || field?.transform?.namePart === 'last' || field?.transform?.namePart === 'middle') continue
      const values = this.values(at)
      let inherited = false
      for (let r = 1; r < values.length && !inherited; r++) inherited = keys[r] === keys[r - 1] && values[r] === '' && values[r - 1] !== ''
      if (inherited && !firstOnly.includes(this.headerOf(at))) firstOnly.push(this.headerOf(at))
    }
    if (firstOnly.length > 0) this.note('group.inherit', { columns: firstOnly.slice(0, 5).map((h) => JSON.stringify(h)).join(', ') + (firstOnly.length > 5 ? ', ...' : '') })
  }

  /** Day/month order per date column from all its values; the zone times are read in. */
  private dates(): void {
    const created = this.mapping.fields.bill_created
    const at = this.columnOf(created)
    if (!created || at < 0) return
    if (!created.transform?.timeColumn) {
      const time = this.headers.findIndex((h) => inList(h, TIME_HEADERS))
      const zone = this.headers.findIndex((h) => inList(h, ZONE_HEADERS))
      if (time >= 0 && this.filled(time).length > 0) {
        created.transform = { ...created.transform, timeColumn: refOf(this.columnMapping(time)), ...(zone >= 0 ? { zoneColumn: refOf(this.columnMapping(zone)) } : {}) }
      }
    }
    const own = created.transform ?? {}
    if (own.timeColumn || own.zoneColumn) {
      this.note('date.columns', { date: this.headerOf(at), time: own.timeColumn?.column ?? '', zone: own.zoneColumn?.column ?? '' })
    }
    const withOffset = this.filled(at).find((v) => OFFSET.test(v))
    if (withOffset !== undefined) this.note('date.offset', { column: this.headerOf(at), example: withOffset })
    // The order goes into the mapping's defaults, where the Map step shows and changes it.
    if (this.options.dateOrder) {
      this.mapping.defaults.dateOrder = this.options.dateOrder
      this.note('date.order', { column: this.headerOf(at), order: this.options.dateOrder, ...dateOrderParams({ code: 'option' }) })
    } else {
      const guess = detectDateOrder(this.rows.map((row) => row[at] ?? null))
      if (guess.order === 'dmy' || guess.order === 'mdy') {
        this.mapping.defaults.dateOrder = guess.order
        this.note('date.order', { column: this.headerOf(at), order: guess.order, ...dateOrderParams(guess.why) })
      } else if (guess.order === null && (guess.why.code === 'either-way' || guess.why.code === 'mixed')) {
        if (this.preset?.dateOrder) {
          this.mapping.defaults.dateOrder = this.preset.dateOrder
          this.note('date.order', { column: this.headerOf(at), order: this.preset.dateOrder, ...dateOrderParams({ code: 'preset', name: this.preset.name }) })
        } else this.note('date.ambiguous', { column: this.headerOf(at), ...dateOrderParams(guess.why) }, 'warning')
      }
    }
    if (!own.zoneColumn && withOffset === undefined) this.note('date.zone', { zone: this.mapping.defaults.timeZone, why: this.options.timeZoneWhy ?? '' })
  }

  /** Look-alikes no rule decided: the candidates are named. */
  private ambiguities(): void {
    for (const a of this.auto.ambiguities) {
      const key = a.field === 'groupBy' ? 'groupBy' : a.field
      if (key === 'groupBy' ? this.mapping.groupBy !== null : key.startsWith('goods[') ? this.goodSet(key) : this.isSet(key)) continue
      this.note('ambiguous.candidates', { field: a.field, key, columns: a.candidates.map((c) => `${JSON.stringify(c.column)} (${columnLetter(c.columnIndex)})`).join(', ') }, 'warning')
    }
  }

  private goodSet(key: string): boolean {
    const m = /^goods\[(\d+)\]\[(good_name|good_sum)\]$/.exec(key)
    if (!m) return false
    const good = this.mapping.goods[Number(m[1])]
    const field = m[2] === 'good_name' ? good?.name : good?.sum
    return field !== undefined && field.source.kind !== 'none'
  }

  // ---- the user's choices --------------------------------------------------------------------

  private overrides(): void {
    for (const { field, column } of this.options.overrides ?? []) {
      const source = this.sourceFor(column)
      this.guesses.splice(0, this.guesses.length, ...this.guesses.filter((g) => g.field !== field && !(field === 'good_name' && g.field === 'goods[0][good_name]') && !(field === 'good_sum' && g.field === 'goods[0][good_sum]')))
      const good = /^(?:goods\[(\d+)\]\[)?(good_name|good_sum)\]?$/.exec(field)
      if (field === 'groupBy') {
        this.mapping.groupBy = source.kind === 'column' ? refOf({ source }) : null
      } else if (field === 'quantity') {
        const g = this.good()
        if (source.kind === 'column') g.quantity = { column: refOf({ source }), mode: this.options.quantity ?? g.quantity?.mode ?? 'repeat', price: g.quantity?.price ?? 'unit' }
        else delete g.quantity
      } else if (good) {
        const i = Number(good[1] ?? 0)
        while (this.mapping.goods.length <= i) this.mapping.goods.push({ name: { source: { kind: 'none' } } })
        const g = this.mapping.goods[i]!
        if (good[2] === 'good_name') g.name = { source }
        else g.sum = { source }
      } else {
        const key = field as OrderFieldKey
        if (key === 'bill_first_name' || key === 'bill_surname' || key === 'bill_middle_name') {
          for (const k of ['bill_first_name', 'bill_surname', 'bill_middle_name'] as const) if (this.mapping.fields[k]?.transform?.namePart) delete this.mapping.fields[k]
        }
        const keep = this.mapping.fields[key]?.transform
        this.mapping.fields[key] = keep ? { source, transform: keep } : { source }
      }
      this.note('map.given', { field, column: source.kind === 'column' ? source.column : source.kind === 'constant' ? `=${source.value}` : '' })
    }
  }

  private sourceFor(column: string): FieldMapping['source'] {
    if (column.startsWith('=')) return { kind: 'constant', value: column.slice(1) }
    if (column.trim() === '') return { kind: 'none' }
    const exact = this.headers.findIndex((h) => h.trim() === column.trim())
    if (exact >= 0) return this.columnMapping(exact).source
    const letter = letterIndex(column)
    if (letter >= 0 && letter < this.headers.length) return this.columnMapping(letter).source
    return { kind: 'column', column: column.trim() }
  }
}

/** Every column the mapping reads. */
function usedColumns(headers: readonly string[], mapping: Mapping): Set<number> {
  const used = new Set<number>()
  const add = (ref: { column: string; occurrence?: number; letter?: boolean } | undefined | null) => {
    if (!ref) return
    const at = resolveColumn(headers, ref)
    if (at >= 0) used.add(at)
  }
  const addField = (field: FieldMapping | undefined) => {
    if (field?.source.kind === 'column') add(field.source)
    add(field?.transform?.timeColumn)
    add(field?.transform?.zoneColumn)
  }
  for (const field of Object.values(mapping.fields)) addField(field)
  for (const g of mapping.goods) {
    addField(g.name)
    addField(g.sum)
    add(g.quantity?.column)
  }
  add(mapping.groupBy)
  return used
}

function good(mapping: Mapping): Mapping['goods'][number] {
  return mapping.goods[0]!
}

function refOf(field: FieldMapping): { column: string; occurrence?: number; letter?: boolean } {
  const source = field.source
  if (source.kind !== 'column') throw new Error('not a column')
  const ref: { column: string; occurrence?: number; letter?: boolean } = { column: source.column }
  if (source.occurrence !== undefined) ref.occurrence = source.occurrence
  if (source.letter) ref.letter = true
  return ref
}

function occurrenceOf(headers: readonly string[], index: number): number {
  const text = (headers[index] ?? '').trim()
  let seen = 0
  for (let i = 0; i <= index; i++) if ((headers[i] ?? '').trim() === text) seen++
  const total = headers.filter((h) => h.trim() === text).length
  return total > 1 ? seen : 1
}

/** Which rows go together when grouped by these values, as one comparable text. */
function partition(values: readonly string[]): string {
  const first = new Map<string, number>()
  return values.map((v, i) => {
    if (!first.has(v)) first.set(v, i)
    return first.get(v)
  }).join(',')
}

export { presetById }
