// What the source detection tells the user, as a code and its parameters. The words of every
// code are in the catalog (note.*, both languages): translateNote() renders a note with the
// reader's translator, noteText() in English for the callers that keep an English string.
import { isCatalogKey, type CatalogKey } from '../i18n/catalog/index'
import { translatorFor, type Translate, type TranslateOptions } from '../i18n/translate'
import { DATE_ORDER_KEYS, dateOrderText, type DateOrderWhy } from '../transforms/date-order'

export type NoteParams = Record<string, string | number>

export interface Note {
  code: string
  params: NoteParams
  /** 'info' is shown; 'warning' is counted with the plan's warnings; 'guess' waits for the user
   * to confirm it. Default 'info'. */
  level?: 'info' | 'warning' | 'guess'
}

/** A column chosen by a rule among look-alikes (Mapping.guesses). */
export interface NoteGuess {
  field: string
  column: string
  code: string
  params: NoteParams
}

const ENGLISH = translatorFor('en')

// Every code's catalog key: the unit test checks each is in both catalogs.
export const NOTE_KEYS: Readonly<Record<string, CatalogKey>> = {
  'preset.recognized': 'note.preset.recognized',
  'preset.template': 'note.preset.template',
  'group.preset': 'note.group.preset',
  'group.repeats': 'note.group.repeats',
  'group.named': 'note.group.named',
  'group.empty-column': 'note.group.emptyColumn',
  'group.none': 'note.group.none',
  'group.inherit': 'note.group.inherit',
  'name.split': 'note.name.split',
  'name.not-a-name': 'note.name.notAName',
  'email.buyer': 'note.email.buyer',
  'email.preset': 'note.email.preset',
  'email.pick': 'note.email.pick',
  'product.sku': 'note.product.sku',
  'product.id': 'note.product.id',
  'product.title-only': 'note.product.titleOnly',
  'product.none': 'note.product.none',
  'price.line': 'note.price.line',
  'price.total': 'note.price.total',
  'price.none': 'note.price.none',
  'quantity.found': 'note.quantity.found',
  'quantity.ignored': 'note.quantity.ignored',
  'date.order': 'note.date.order',
  'date.ambiguous': 'note.date.ambiguous',
  'date.zone': 'note.date.zone',
  'email.other-sheet': 'note.email.otherSheet',
  'email.none': 'note.email.none',
  'date.offset': 'note.date.offset',
  'date.columns': 'note.date.columns',
  'totals.skipped': 'note.totals.skipped',
  'ambiguous.candidates': 'note.ambiguous.candidates',
  'map.given': 'note.map.given'
}

/** The parameters of a date.order or date.ambiguous note for why the order is what it is: the
 * code and its values, and `reason` in English (notes made before the code have only that). */
export function dateOrderParams(why: DateOrderWhy): NoteParams {
  const params: NoteParams = { reason: dateOrderText(why, ENGLISH), reasonCode: why.code }
  if ('value' in why) params.reasonValue = why.value
  if ('other' in why) params.reasonOther = why.other
  if ('name' in why) params.reasonName = why.name
  return params
}

function dateOrderWhy(p: NoteParams): DateOrderWhy | null {
  const code = String(p.reasonCode ?? '')
  if (!(code in DATE_ORDER_KEYS)) return null
  const value = String(p.reasonValue ?? '')
  return { code, value, other: String(p.reasonOther ?? ''), name: String(p.reasonName ?? '') } as DateOrderWhy
}

// The zone's origin as the front ends give it (SourceOptions.timeZoneWhy), by catalog key.
const ZONE_WHYS: Readonly<Record<string, CatalogKey>> = {
  "the computer's zone": 'note.date.zone.computer',
  'set with --time-zone': 'note.date.zone.option'
}

/** A value in quotes, as the language writes them ("x" or «x»), escaped as JSON would. */
function quoted(value: string | number | undefined, t: Translate): string {
  return t('note.quoted', { value: JSON.stringify(String(value ?? '')).slice(1, -1) })
}

/** The note's parameters, each also quoted (q_<name>), and the parts some codes add. */
function noteParams(note: Pick<Note, 'code' | 'params'>, t: Translate): TranslateOptions {
  const p = note.params
  const options: Record<string, string | number> = { ...p }
  for (const [name, value] of Object.entries(p)) options[`q_${name}`] = quoted(value, t)
  switch (note.code) {
    case 'name.split':
      options.how = t(p.order === 'surname-first' ? 'note.name.split.surnameFirst' : 'note.name.split.givenFirst')
      options.middlePart = p.middle ? t('note.name.split.middle', { middle: quoted(p.middle, t) }) : ''
      break
    case 'price.line':
      // Older saved guesses carry the English words for "no other column".
      if (p.others === '' || p.others === 'the totals' || p.others === undefined) options.others = t('note.price.line.totals')
      break
    case 'quantity.found':
      options.how = t(p.mode === 'multiply' ? 'note.quantity.multiply' : 'note.quantity.repeat')
      break
    case 'date.order':
    case 'date.ambiguous': {
      options.how = t(p.order === 'dmy' ? 'source.order.dmy' : p.order === 'mdy' ? 'source.order.mdy' : 'source.order.ymd')
      const why = dateOrderWhy(p)
      if (why) options.reason = dateOrderText(why, t)
      break
    }
    case 'date.zone': {
      const known = ZONE_WHYS[String(p.why)]
      options.whyPart = p.why ? t('note.date.zone.why', { why: known ? t(known) : p.why }) : ''
      break
    }
    case 'date.columns':
      options.timePart = p.time ? t('note.date.columns.time', { time: quoted(p.time, t) }) : ''
      options.zonePart = p.zone ? t('note.date.columns.zone', { zone: quoted(p.zone, t) }) : ''
      break
    case 'group.repeats':
    case 'totals.skipped':
      options.count = Number(p.count)
      break
  }
  return options
}

/** The text of a note in the translator's language. */
export function translateNote(note: Pick<Note, 'code' | 'params'>, t: Translate): string {
  const key = NOTE_KEYS[note.code]
  return key ? t(key, noteParams(note, t)) : `${note.code} ${JSON.stringify(note.params)}`
}

/** The text of a note in English. */
export function noteText(note: Pick<Note, 'code' | 'params'>): string {
  return translateNote(note, ENGLISH)
}

/** Longer values are cut in messages, so one message stays one line. */
const MAX_SHOWN_VALUE = 60

/** The warning for a column chosen among look-alikes that the user has not confirmed yet. */
export function guessText(guess: NoteGuess, t: Translate = ENGLISH): string {
  const shown = guess.column.length > MAX_SHOWN_VALUE ? `${guess.column.slice(0, MAX_SHOWN_VALUE - 1)}…` : guess.column
  const groupBy = guess.field === 'groupBy'
  return t('note.guess', {
    column: quoted(shown, t),
    what: groupBy ? t('note.guess.orderNumber') : fieldWords(guess.field, t),
    note: translateNote(guess, t),
    how: groupBy ? t('note.guess.groupBy') : t('note.guess.map', { field: guess.field })
  })
}

/** "E-mail (bill_email)", or the API key alone for a field the catalog does not name. */
function fieldWords(apiKey: string, t: Translate): string {
  const key = `field.${/^goods\[\d+\]\[(good_name|good_sum)\]$/.exec(apiKey)?.[1] ?? apiKey}`
  return isCatalogKey(key) ? t('automap.field', { label: t(key), field: apiKey }) : apiKey
}
