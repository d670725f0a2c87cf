// The app's Products step over the engine's catalog check (the CLI's is cli/run/catalog-step.ts):
// the shop's product list (GetAllGoods) for the connection chosen now, read when asked (the
// renderer asks when a connection is chosen and on the Products step; a run reads it first when
// nobody has) and kept per destination with the time it was read (on disk too, beside the journal,
// like the CLI: ops/catalog-cache.ts); the user's product choices per sheet (stored in the
// template when the sheet has one); and the session's plan with the choices applied and the
// catalog check done, which is what Review shows, what the counts count and what a run sends.
// The session itself (sheet-session.ts) is only read through its public functions.
import { withProducts } from '#shared/mapping/mapping'
import type { CatalogInfo, GridRow, OrderPreview, PlanCounts, ProductsView } from '#shared/ipc/contract'
import { messageOf, msg } from '#shared/i18n/message'
import type { PlannedOrder } from '#shared/plan/import-plan'
import { withStatus } from '#shared/plan/order'
import { productLinesSummary, shopProductView, type ProductChoices } from '#shared/shop/product-choices'
import type { ShopCatalog } from '#shared/shop/shop-catalog'
import { createOrderQuery } from '#shared/wire/create-order-params'
import { fetchCatalog } from '../api/catalog'
import { catalogCachePath, destinationKey, readCachedCatalog, writeCachedCatalog } from '../ops/catalog-cache'
import type { Connections, Target } from './connection'
import { notFound, ServiceError } from './errors'
import { ProductCheckState } from './product-check-state'
import type { RunSource } from './run-control'
import { reindexed, withIndex } from './session/incremental-plan'
import { draftOf, MASKED_HASH, type CreatedLookup, type SheetSession } from './sheet-session'
import type { TemplateStore } from './templates'

export interface ProductsDeps {
  journalPath: string
  connections: Connections
  templates: TemplateStore
}

interface DestinationCatalog {
  info: CatalogInfo
  /** What the check uses: the list read, or (once confirmed) the older one from the cache. */
  catalog: ShopCatalog | null
}

export class Products {
  private readonly byDestination = new Map<string, DestinationCatalog>()
  private readonly loading = new Map<string, Promise<CatalogInfo>>()
  private readonly choices = new Map<string, ProductChoices>()
  private readonly checks = new Map<string, ProductCheckState>()

  constructor(private readonly deps: ProductsDeps) {}

  /** What is known about the current connection's catalog, without asking the shop. */
  info(): CatalogInfo {
    return this.current()?.info ?? { state: 'unknown' }
  }

  /** Reads the catalog when it is not known yet for this connection, or again with refresh. */
  async load(refresh: boolean): Promise<CatalogInfo> {
    const key = this.destination()
    const known = this.byDestination.get(key)
    if (known && !refresh) return known.info
    const pending = this.loading.get(key)
    if (pending) return pending
    const loading = this.fetch(key).finally(() => this.loading.delete(key))
    this.loading.set(key, loading)
    return loading
  }

  /** The user goes on without the check (with the older list when there is one). */
  continueWithout(): CatalogInfo {
    const entry = this.current()
    if (!entry || entry.info.state !== 'unavailable') return this.info()
    entry.info = { ...entry.info, confirmed: true }
    return entry.info
  }

  /** Before a run: the catalog is read when nobody has yet; a list that could not be read stops
   * the run until the user has chosen to go on without it. */
  async readyForRun(): Promise<void> {
    const info = await this.load(false)
    if (info.state !== 'unavailable' || info.confirmed) return
    const why = info.noProducts ? msg('service.catalogNoProducts') : (info.why ?? info.reason)
    throw new ServiceError('catalog-unconfirmed', msg('service.catalogUnconfirmed', { why }))
  }

  choicesOf(session: SheetSession): ProductChoices {
    let choices = this.choices.get(session.id)
    if (!choices) {
      const name = session.choice.template
      const template = name === null ? undefined : this.deps.templates.list().find((t) => t.name === name)
      choices = Object.freeze({ ...template?.products })
      this.choices.set(session.id, choices)
    }
    return choices
  }

  /** The user's choice for one sheet value (null forgets it); kept in the sheet's template too. */
  choose(session: SheetSession, value: string, name: string | null): void {
    if (name !== null) {
      const catalog = this.current()?.catalog
      if (catalog && !catalog.products.some((p) => p.name === name)) {
        throw notFound(msg('service.noSuchProduct', { name, time: new Date(catalog.fetchedAt).toISOString() }))
      }
    }
    const next: Record<string, string> = { ...this.choicesOf(session) }
    if (name === null || name === value) delete next[value]
    else next[value] = name
    this.choices.set(session.id, Object.freeze(next))
    const template = session.choice.template
    if (template !== null) this.deps.templates.setProductChoice(template, value, name === value ? null : name)
  }

  forget(sessionId: string): void {
    this.choices.delete(sessionId)
    this.checks.delete(sessionId)
  }

  view(session: SheetSession, created: CreatedLookup): ProductsView {
    const catalog = this.current()?.catalog ?? null
    const state = this.checked(session)
    const lines = state.lines()
    return {
      catalog: this.info(),
      stopped: { unknownProduct: state.unknownProductOrders, delivery: state.deliveryOrders },
      lines,
      summary: productLinesSummary(lines, catalog !== null),
      shop: catalog ? catalog.products.map(shopProductView) : [],
      counts: this.counts(session, created)
    }
  }

  /** The session's check, brought up to date: made anew for a new plan of the whole sheet, other
   * choices or another catalog; otherwise only the orders planned again since are checked. */
  checked(session: SheetSession): ProductCheckState {
    const choices = this.choicesOf(session)
    const catalog = this.current()?.catalog ?? null
    let state = this.checks.get(session.id)
    if (state && state.fits(session, choices, catalog)) state.catchUp()
    else {
      state = new ProductCheckState(session, choices, catalog)
      this.checks.set(session.id, state)
    }
    return state
  }

  /** The session's valid orders as checked (those the check stopped have errors now), in sheet
   * order with their current numbers. */
  orders(session: SheetSession): PlannedOrder[] {
    const state = this.checked(session)
    const orders: PlannedOrder[] = []
    let index = 0
    for (const [position, order] of session.storedOrders()) {
      index++
      if (order.errors > 0) continue
      const after = state.facts.get(position)?.checked
      orders.push(after ? renumbered(after, index) : withIndex(order, index))
    }
    return orders
  }

  counts(session: SheetSession, created: CreatedLookup): PlanCounts {
    const base = session.counts(created)
    const state = this.checked(session)
    let alreadyCreated = base.alreadyCreated
    for (const [position, facts] of state.facts) {
      const after = facts.checked
      if (!after) continue
      // Sent under another product name (or not at all): created before is judged on what is sent.
      const order = session.orderFirstAt(position)
      if (order && created(order) !== null) alreadyCreated--
      if (after.errors === 0 && created(after) !== null) alreadyCreated++
    }
    return { ...base, validOrders: base.validOrders - state.stopped, errors: base.errors + state.addedErrors, alreadyCreated }
  }

  page(session: SheetSession, offset: number, limit: number, filter: 'all' | 'problems', created: CreatedLookup): { total: number; rows: GridRow[] } {
    const state = this.checked(session)
    if (filter === 'all' || state.extraProblems.total === 0) {
      const page = session.page(offset, limit, filter, created)
      return { total: page.total, rows: page.rows.map((row) => this.withChecks(session, row, state, created)) }
    }
    const positions = problemPositions(session, state, Math.max(0, offset), Math.max(0, limit))
    const rows = positions.map((position) => this.gridRow(session, session.rowAt(position), created))
    return { total: session.problemCount + state.extraProblems.total, rows }
  }

  gridRow(session: SheetSession, row: number, created: CreatedLookup): GridRow {
    return this.withChecks(session, session.gridRow(row, created), this.checked(session), created)
  }

  preview(session: SheetSession, orderIndex: number): OrderPreview {
    const preview = this.checkedPreview(session, orderIndex)
    const catalog = this.current()?.catalog
    if (!catalog) return preview
    const prices = new Map(catalog.products.map((p) => [p.name, p.price]))
    return { ...preview, shopPrices: preview.order.goods.map((good) => prices.get(good.good_name) ?? null) }
  }

  private checkedPreview(session: SheetSession, orderIndex: number): OrderPreview {
    const base = session.preview(orderIndex)
    const state = this.checked(session)
    const facts = state.facts.get(session.firstOfOrder(orderIndex))
    if (!facts) return base
    const added = facts.added.map((issue) => reindexed(issue, orderIndex))
    if (!facts.checked) return { ...base, issues: [...base.issues, ...added] }
    const order = renumbered(facts.checked, orderIndex)
    const query = createOrderQuery(order)
    return { order: draftOf(order), issues: [...base.issues, ...added], body: query === '' ? MASKED_HASH : `${query}&${MASKED_HASH}` }
  }

  /** What a run is staged from: the checked orders (chosen and title-matched products sent as the
   * shop's good_name; unknown products and missing delivery data are errors, never sent). */
  runSource(session: SheetSession): RunSource {
    const orders = this.orders(session)
    return {
      read: session.read,
      // The run keeps the choices in its mapping, so a retry from corrected rows sends them the same way.
      mapping: withProducts(session.mapping, this.choicesOf(session)),
      source: session.source,
      get plan() {
        return session.plan
      },
      sendable: (created) => {
        const sendable: PlannedOrder[] = []
        let alreadyCreated = 0
        for (const order of orders) {
          if (order.errors > 0) continue
          if (created(order) !== null) alreadyCreated++
          else sendable.push(order)
        }
        return { orders: sendable, alreadyCreated }
      }
    }
  }

  private withChecks(session: SheetSession, row: GridRow, state: ProductCheckState, created: CreatedLookup): GridRow {
    if (state.facts.size === 0) return row
    const position = session.positionOf(row.row)
    if (position === undefined) return row
    const added = state.addedAt.get(position)
    const first = row.order === null ? -1 : session.firstOfOrder(row.order)
    const after = first < 0 ? undefined : (state.facts.get(first)?.checked ?? undefined)
    if (!added && !after) return row
    const order = row.order
    const issues = added ? [...row.issues, ...added.map((issue) => (order === null ? issue : reindexed(issue, order)))] : row.issues
    const alreadyCreated = after ? (after.errors === 0 ? created(after) : null) : row.alreadyCreated
    return { ...row, issues, alreadyCreated }
  }

  private destination(): string {
    return this.deps.connections.destination()
  }

  private current(): DestinationCatalog | undefined {
    return this.byDestination.get(this.destination())
  }

  private async fetch(key: string): Promise<CatalogInfo> {
    let target: Target
    try {
      target = await this.deps.connections.current()
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error
      return this.keep(key, { info: { state: 'unavailable', noProducts: false, reason: error.message, why: messageOf(error), cachedAt: null, cachedProducts: 0, confirmed: false }, catalog: null })
    }
    const fetched = await fetchCatalog(() => target.client.getAllGoods())
    const sandbox = target.kind === 'sandbox'
    // The built-in sandbox without a catalog accepts any product: nothing to check, nothing to ask.
    if (sandbox && !fetched.ok && fetched.noProducts) return this.keep(key, { info: { state: 'skipped' }, catalog: null })
    const cachePath = catalogCachePath(this.deps.journalPath)
    const cacheKey = destinationKey(target.apiBase, target.login)
    if (fetched.ok) {
      if (!sandbox) {
        try {
          writeCachedCatalog(cachePath, cacheKey, fetched.catalog)
        } catch {
          // The cache is a convenience; a read-only folder must not stop anything.
        }
      }
      const { catalog } = fetched
      return this.keep(key, { info: { state: 'ready', fetchedAt: catalog.fetchedAt, products: catalog.products.length }, catalog })
    }
    // The sandbox's address changes with every start, so its lists are never cached.
    const cached = sandbox ? null : readCachedCatalog(cachePath, cacheKey)
    return this.keep(key, {
      info: { state: 'unavailable', noProducts: fetched.noProducts, reason: fetched.reason, why: fetched.why, cachedAt: cached?.fetchedAt ?? null, cachedProducts: cached?.products.length ?? 0, confirmed: false },
      catalog: cached
    })
  }

  private keep(key: string, entry: DestinationCatalog): CatalogInfo {
    this.byDestination.set(key, entry)
    return entry.info
  }
}

/** The checked order under its new number (the sheet's orders were renumbered since the check). */
function renumbered(order: PlannedOrder, index: number): PlannedOrder {
  const copy: PlannedOrder = { index, key: order.key, rows: order.rows, fields: order.fields, goods: order.goods, fingerprint: order.fingerprint, errors: order.errors, warnings: order.warnings }
  return withStatus(copy, order)
}

/** Review's problem rows from the offset-th: the session's and the rows only the check found
 * (two sets of marks by position, apart), merged in sheet order. */
function problemPositions(session: SheetSession, state: ProductCheckState, offset: number, limit: number): number[] {
  const extra = state.extraProblems
  const total = session.problemCount + extra.total
  if (offset >= total || limit === 0) return []
  // The first position with more than `offset` problem rows up to it.
  let low = 0
  let high = session.size - 1
  while (low < high) {
    const mid = (low + high) >> 1
    if (session.problemsTo(mid) + extra.countTo(mid) > offset) high = mid
    else low = mid + 1
  }
  const result: number[] = []
  let a = session.nextProblem(low)
  let b = extra.next(low)
  while (result.length < limit && (a >= 0 || b >= 0)) {
    if (b < 0 || (a >= 0 && a < b)) {
      result.push(a)
      a = session.nextProblem(a + 1)
    } else {
      result.push(b)
      b = extra.next(b + 1)
    }
  }
  return result
}
