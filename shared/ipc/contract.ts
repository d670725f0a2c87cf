// The one contract between the renderer and main: every request channel with the zod schema of
// its input (validated at main's door) and the type of its answer, and every event main sends.
// The preload builds its bridge from CHANNELS; the browser host serves the same map over HTTP.
import type { SideEffect } from '../run/side-effects'
import { z } from 'zod'
import { APPEARANCES, type Appearance } from './appearance'
import { LANGUAGES, type Language } from '../i18n/language'
import type { AutoMapResult } from '../mapping/auto-map'
import type { Issue } from '../plan/issue'
import { MappingSchema, type Mapping } from '../mapping/mapping'
import type { OrderDraft } from '../plan/order'
import { ORDER_STATES, type OrderState } from '../run/order-state'
import type { SheetMeta } from '../sheet/sheet'
import type { Note } from '../presets/notes'
import type { ProductLine, ProductLinesSummary, ShopProductView } from '../shop/product-choices'

export type { ProductLine, ProductLinesSummary, ShopProductView } from '../shop/product-choices'
import type { Message, MessageParams } from '../i18n/message'
import type { CatalogKey } from '../i18n/catalog/index'


// ---------- shared shapes ----------

export { ORDER_STATES } from '../run/order-state'
export type OrderStateName = OrderState
export type StateCounts = Record<OrderStateName, number>

export const ReadOverridesSchema = z.object({
  sheet: z.union([z.string(), z.number().int().min(1)]).optional(),
  encoding: z.string().min(1).optional(),
  delimiter: z.string().length(1).optional(),
  headerRow: z.number().int().min(1).optional(),
  /** Largest file to read, in MB; absent means the default, which follows from the memory the
   * reader may use. A bigger limit brings a bigger memory budget with it. */
  maxFileMb: z.number().positive().max(1_048_576).optional()
})
export type ReadOverrides = z.infer<typeof ReadOverridesSchema>

export const ApiDomainSchema = z.union([z.literal('influencersoft.com'), z.literal('justclick.ru'), z.string().url()])

export interface ConnectionInfo {
  /** 'sandbox': the built-in local stand-in; 'account': a real shop. */
  kind: 'sandbox' | 'account'
  login: string
  domain: string
  /** Whether an API key is stored (the key itself never leaves main). */
  hasKey: boolean
  /** Where the secret is kept, e.g. 'os keychain', or why it cannot be ('basic_text' on Linux without a keyring). */
  keyStorage: string
  /** The sandbox only: the shop whose product list it was given ("use my shop's products"), and
   * how many products; absent when it sells anything. (Added; optional.) */
  sandboxProducts?: { from: string; count: number }
  /** The same as a catalog key and values, for the reader's language. (Added; optional.) */
  keyStorageWhy?: Message
}

export interface ConnectionTest {
  ok: boolean
  /** Plain words in English: "Connected to demo.influencersoft.com: the key is correct." */
  message: string
  /** The same as a catalog key and its values, for the renderer to word in the user's language
   * (the API's own text stays as it came). (Added; optional.) */
  key?: CatalogKey
  params?: MessageParams
}

export interface SessionSummary {
  sessionId: string
  meta: SheetMeta
  headers: string[]
  /** The first rows exactly as read (cells as text), for the raw preview. */
  rawPreview: { row: number; cells: string[] }[]
  mapping: Mapping
  /** Auto-matching details when the mapping was made automatically or from a template. */
  auto: Pick<AutoMapResult, 'matches' | 'ambiguities' | 'unmatchedHeaders' | 'missingRequired'> | null
  /** Name of the saved template applied because the same headers came back. */
  template: string | null
  counts: PlanCounts
  /** The export format the file was recognized as (its preset applied), when the mapping was
   * made automatically. (Added; optional.) */
  source?: { id: string; name: string } | null
  /** What the source detection decided and why, as codes and parameters (text: noteText()).
   * (Added; optional.) */
  notes?: Note[]
  /** Problems of the mapping or the whole sheet (no row, no order), e.g. an unmapped required
   * field: they block every order, so show them above the grid. (Added; optional.) */
  sheetIssues?: Issue[]
}

export interface PlanCounts {
  rows: number
  orders: number
  validOrders: number
  errors: number
  warnings: number
  excludedRows: number
  /** Orders already created by an earlier run (same fingerprint): they will be skipped. */
  alreadyCreated: number
}

export interface GridRow {
  /** 1-based sheet row. */
  row: number
  /** 1-based order index. */
  order: number | null
  cells: string[]
  issues: Issue[]
  excluded: boolean
  edited: boolean
  /** An earlier run already created this order (bill id). */
  alreadyCreated: number | null
}

export interface OrderPreview {
  order: OrderDraft
  issues: Issue[]
  /** The exact form body that would be sent, with the hash shown as "hash=•••" (the key is never in the renderer). */
  body: string
  /** Per good of the order, the shop's price of its product when the connection's product list is
   * known and has one (null: unknown): the price a good without good_sum gets. Absent without a list. */
  shopPrices?: Array<string | null>
}

export interface RunSummary {
  runId: number
  createdAt: number
  sourceName: string
  status: 'staged' | 'running' | 'paused' | 'finished' | 'stopped' | 'cancelled'
  counts: StateCounts
  total: number
  login: string
  apiBase: string
  /** The run's note (why it is paused, what undo did), worded by each front-end. */
  note: Message | null
  /** The run's configured pace as stored with it (requests per second, requests at once), so a
   * screen showing a resumed run shows its pace, not the defaults. (Added; optional.) */
  rate?: number
  concurrency?: number
  /** True for a run sent to the built-in sandbox, which History calls "Sandbox". (Added; optional.) */
  sandbox?: boolean
  /** Status steps (UpdateOrderStatus) of created orders, per state; absent when the run has none
   * (issue 12). 'failed' and 'unknown' are created orders whose status is not set. */
  statuses?: { pending: number; sending: number; done: number; failed: number; unknown: number }
}

export interface RunOrder {
  ordinal: number
  state: OrderStateName
  billId: number | null
  existed: boolean
  errorCode: number | string | null
  /** As stored: the shop's words, or a note of ours as storedMessage JSON (word it with storedText). */
  errorText: string | null
  email: string
  rows: number[]
  attempts: number
  editable: boolean
  /** Failed orders only: the order's sheet rows as staged, with the run's headers, so they can be
   * corrected in place with runs.editFailed. (Added; optional.) */
  sheet?: { headers: string[]; rows: { row: number; cells: string[] }[] }
  /** The order's status step: what it sets and where it stands (issue 12). (Added; optional.) */
  statusStep?: { status: 'paid' | 'cancel' | 'return'; state: 'pending' | 'sending' | 'done' | 'failed' | 'unknown'; errorText: string | null }
  /** A created order deleted from the shop afterwards (undo). (Added; optional.) */
  deleted?: boolean
  /** What was done with the order after it was sent, as stored (word it with storedText): why it
   * was deleted (undo), or the user's decision for an unclear order. (Added; optional.) */
  note?: string
}

/** The sender's progress, as it reaches the renderer unchanged. */
export interface SendProgressEvent {
  runId: number
  counts: StateCounts
  total: number
  inFlight: number
  paused: boolean
  /** Requests per second now (lower than configured after request-limit answers). */
  rate: number
  /** Orders done per minute, measured over the last minute; null until measurable. */
  perMinute: number | null
  etaSeconds: number | null
  /** API calls still to make: CreateOrder for each order to send, and UpdateOrderStatus for
   * each paid, cancelled or returned order whose status is not set yet (issue 12). The ETA
   * counts them all. Absent from senders that predate status steps. */
  calls?: number
  /** Orders to send that the calls above belong to (pending and in flight). */
  ordersLeft?: number
  /** Epoch ms until which sending is held after a back-off; null when not held. */
  backoffUntil: number | null
}

/** `text` in English; `key` and `params` (when present) word it in the user's language, the
 * shop's own texts inside as they came. */
export type SendLogEvent = { runId: number; at: number; kind: string; ordinal: number | null; text: string; key?: CatalogKey; params?: MessageParams }

export interface JobProgressEvent {
  jobId: string
  stage: 'reading' | 'mapping' | 'validating' | 'staging' | 'exporting'
  done: number
  total: number | null
  finished: boolean
}

/** The shop's product list (GetAllGoods) for the connection chosen now. */
export type CatalogInfo =
  /** Not read yet for this connection. */
  | { state: 'unknown' }
  /** Read (now, or earlier in this session: fetchedAt). */
  | { state: 'ready'; fetchedAt: number; products: number }
  /** The built-in sandbox has no catalog: it accepts any product, nothing to check. */
  | { state: 'skipped' }
  /** It could not be read. noProducts: the shop answered 700 "no products". reason: main's words.
   * cachedAt: a list read from this shop earlier that stands in once the user confirms.
   * confirmed: the user chose to go on without the check (or with the older list). */
  | { state: 'unavailable'; noProducts: boolean; reason: string; why?: Message; cachedAt: number | null; cachedProducts: number; confirmed: boolean }

export interface ProductsView {
  catalog: CatalogInfo
  /** Every distinct product value of the sheet with its match (empty until a sheet is planned). */
  lines: ProductLine[]
  /** The counts of those lines: all of them, and those that need the user (the step shows a page). */
  summary: ProductLinesSummary
  /** The shop's products, for picking one (empty without a catalog). */
  shop: ShopProductView[]
  /** The plan's counts with the catalog check applied. */
  counts: PlanCounts
  /** Orders the check stops: a product the shop does not have, or delivery data missing for a
   * shipped product (shared/shop/delivery-rule.ts). Review lists them by row. */
  stopped: { unknownProduct: number; delivery: number }
}

// ---------- request channels ----------

const sessionId = z.string().min(1).max(64)
const runId = z.number().int().min(1)

export const CHANNELS = {
  'app.info': { input: z.object({}) },
  'appearance.get': { input: z.object({}) },
  'appearance.set': { input: z.object({ appearance: z.enum(APPEARANCES) }) },
  /** The language the user chose with the in-app switch (null: none, follow the system), so the
   * desktop shell (menu, About, native dialogs) speaks it too. The renderer sends it on every
   * switch and at start-up with its remembered choice. */
  'language.get': { input: z.object({}) },
  'language.set': { input: z.object({ language: z.enum(LANGUAGES).nullable() }) },
  'connection.get': { input: z.object({}) },
  'connection.set': { input: z.object({ login: z.string().min(1).max(64), domain: ApiDomainSchema, apiKey: z.string().min(1).max(256).optional() }) },
  'connection.useSandbox': { input: z.object({ shopProducts: z.boolean().optional() }) },
  'connection.test': { input: z.object({}) },

  'sheet.load': { input: z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array), options: ReadOverridesSchema.default({}) }) },
  'sheet.reload': { input: z.object({ sessionId, options: ReadOverridesSchema }) },
  'sheet.close': { input: z.object({ sessionId }) },

  'mapping.set': { input: z.object({ sessionId, mapping: MappingSchema }) },
  'mapping.previewOrder': { input: z.object({ sessionId, order: z.number().int().min(1) }) },
  /** The session's products against the connected shop's product list; `refresh` fetches it again. */
  'templates.list': { input: z.object({}) },
  /** The shop's catalog for the connection chosen now: read when not known yet, or again with refresh. */
  'catalog.get': { input: z.object({ refresh: z.boolean().default(false) }) },
  /** The user's "go on without the product check" (or with the older list) for this connection. */
  'catalog.continueWithout': { input: z.object({}) },
  'products.list': { input: z.object({ sessionId }) },
  /** name: the shop product (good_name) this sheet value stands for; null forgets the choice. */
  'products.choose': { input: z.object({ sessionId, value: z.string().max(10_000), name: z.string().min(1).max(1000).nullable() }) },
  'templates.save': { input: z.object({ sessionId, name: z.string().min(1).max(100) }) },

  'rows.page': { input: z.object({ sessionId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000), filter: z.enum(['all', 'problems']) }) },
  'rows.edit': { input: z.object({ sessionId, row: z.number().int().min(1), column: z.number().int().min(0), value: z.string().max(10_000) }) },
  'rows.exclude': { input: z.object({ sessionId, rows: z.array(z.number().int().min(1)).max(1_000_000), excluded: z.boolean() }) },

  'run.start': { input: z.object({ sessionId, rate: z.number().positive().max(100), concurrency: z.number().int().min(1).max(16) }) },
  'run.notice': { input: z.object({ sessionId, rate: z.number().positive().max(100), concurrency: z.number().int().min(1).max(16) }) },
  'run.pause': { input: z.object({ runId }) },
  'run.resume': { input: z.object({ runId, rate: z.number().positive().max(100).optional(), concurrency: z.number().int().min(1).max(16).optional() }) },
  'run.cancel': { input: z.object({ runId }) },

  'runs.list': { input: z.object({}) },
  'runs.orders': { input: z.object({ runId, states: z.array(z.enum(ORDER_STATES)).optional(), offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }) },
  'runs.resolve': { input: z.object({ runId, ordinal: z.number().int().min(1), decision: z.discriminatedUnion('kind', [z.object({ kind: z.literal('created'), billId: z.number().int().positive() }), z.object({ kind: z.literal('absent') })]) }) },
  /** cells: "<sheet row>:<0-based column>" -> new value (one cell), or "<header text>" -> new value
   * (that column on every row of the order). */
  'runs.editFailed': { input: z.object({ runId, ordinal: z.number().int().min(1), cells: z.record(z.string(), z.string().max(10_000)) }) },
  /** The run's failed status steps sent again alone (the orders are not sent again). */
  'runs.retryStatus': { input: z.object({ runId }) },
  'runs.retryFailed': { input: z.object({ runId, fixedFile: z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) }).optional() }) },
  'runs.export': {
    input: z.object({
      runId,
      format: z.enum(['csv', 'xlsx']),
      only: z.enum(['all', 'failed', 'unknown', 'succeeded']),
      /** CSV separator; ',' when absent. Headers and the State column's values in this language; English when absent. (Added; optional.) */
      delimiter: z.enum([',', ';']).optional(),
      language: z.enum(['en', 'ru']).optional()
    })
  },
  'runs.undo': { input: z.object({ runId }) }
} as const

export type Channel = keyof typeof CHANNELS
export type ChannelInput<C extends Channel> = z.input<(typeof CHANNELS)[C]['input']>
export type ParsedInput<C extends Channel> = z.output<(typeof CHANNELS)[C]['input']>

/** What each channel answers (the `value` of an ok result). */
export interface ChannelOutputs {
  'app.info': { version: string; host: 'electron' | 'browser'; journalPath: string }
  'appearance.get': { appearance: Appearance }
  'appearance.set': { appearance: Appearance }
  /** The chosen language main keeps (null: the system's). */
  'language.get': { language: Language | null }
  'language.set': { language: Language | null }
  'connection.get': ConnectionInfo
  'connection.set': ConnectionInfo
  'connection.useSandbox': ConnectionInfo
  'connection.test': ConnectionTest
  'sheet.load': SessionSummary
  'sheet.reload': SessionSummary
  'sheet.close': { closed: boolean }
  'mapping.set': { counts: PlanCounts; mapping: Mapping; sheetIssues?: Issue[] }
  'mapping.previewOrder': OrderPreview
  'templates.list': { name: string; headers: string[]; savedAt: number }[]
  'catalog.get': CatalogInfo
  'catalog.continueWithout': CatalogInfo
  'products.list': ProductsView
  'products.choose': ProductsView
  'templates.save': { name: string }
  'rows.page': { total: number; rows: GridRow[]; counts: PlanCounts }
  'rows.edit': { row: GridRow; counts: PlanCounts }
  'rows.exclude': { counts: PlanCounts }
  'run.start': { runId: number; staged: number; skipped: number }
  /** What the shop is likely to do if this sheet is sent now (empty for the sandbox); the
   * renderer words each notice with noticeText (shared/run/side-effects.ts). */
  'run.notice': { effects: SideEffect[] }
  'run.pause': RunSummary
  'run.resume': RunSummary
  'run.cancel': RunSummary
  'runs.list': RunSummary[]
  'runs.orders': { total: number; orders: RunOrder[] }
  'runs.resolve': RunOrder
  'runs.editFailed': { order: RunOrder; issues: Issue[] }
  /** messages: catalog keys and values, worded by the renderer (renderMessage). */
  'runs.retryFailed': { requeued: number; stillInvalid: number; messages: Message[] }
  'runs.retryStatus': { requeued: number; messages: Message[] }
  'runs.export': { name: string; bytes: Uint8Array }
  'runs.undo': { deleted: number; failed: number; messages: Message[] }
}

// ---------- events main sends ----------

export interface EventPayloads {
  'run.progress': SendProgressEvent
  'run.log': SendLogEvent
  'job.progress': JobProgressEvent
  /** The desktop app opened a file (menu Open, "Open with Orderbatch", a file given at start). */
  'app.openFile': { name: string; bytes: Uint8Array }
}
export type EventName = keyof EventPayloads
export const EVENT_NAMES: readonly EventName[] = ['run.progress', 'run.log', 'job.progress', 'app.openFile']

// ---------- results ----------

export interface IpcError {
  /** 'invalid-input' | 'not-found' | 'sheet' | 'mapping' | 'journal' | 'api' | 'busy' | 'internal' ... */
  code: string
  /** One plain sentence for the user, in English; never a stack trace, never the API key. */
  message: string
  /** The same sentence as a catalog key and its values, when main has one, so the renderer words
   * it in the user's language (renderMessage); without it the renderer shows `message`. */
  key?: CatalogKey
  params?: MessageParams
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** The API the preload exposes as `window.orderbatch` (and the browser host's client mirrors). */
export interface OrderbatchApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutputs[C]>>
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[]
