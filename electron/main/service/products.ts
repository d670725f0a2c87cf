// The app's Products step over the engine's catalog check (the CLI's is cli/run/catalog-step.ts):
// the shop's product list (GetAllGoods) for the connection chosen now, read when asked (the
// renderer asks when a connection is chosen and on the Products step; a run reads it first when
// nobody has) and kept per destination with the time it was read (on disk too, beside the journal,
// like the CLI: ops/catalog-cache.ts); the user's product choices per sheet (stored in the
// template when the sheet has one); and the session's plan with the choices applied and the
// catalog check done, which is what Review shows, what the counts count and what a run sends.
// The session itself (sheet-session.ts) is only read through its public functions.
import type { CatalogInfo, GridRow, OrderPreview, PlanCounts, ProductsCheck, ProductsView } from '#shared/ipc/contract'
import { messageOf, msg } from '#shared/i18n/message'
import type { Issue } from '#shared/plan/issue'
import type { ImportPlan, PlannedOrder } from '#shared/plan/import-plan'
import { withStatus } from '#shared/plan/order'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { applyProductChoices, productLines, shopProductView, type ProductChoices } from '#shared/shop/product-choices'
import type { ShopCatalog } from '#shared/shop/shop-catalog'
import { createOrderQuery } from '#shared/wire/create-order-params'
import { fetchCatalog } from '../api/catalog'
import { catalogCachePath, destinationKey, readCachedCatalog, writeCachedCatalog } from '../ops/catalog-cache'
import type { Connections, Target } from './connection'
import { notFound, ServiceError } from './errors'
import type { RunSource } from './run-control'
import { draftOf, MASKED_HASH, type CreatedLookup, type SheetSession } from './sheet-session'
import type { TemplateStore } from './templates'

/** At most this many product values are listed by products.check (free text could have thousands). */
const MAX_LISTED = 500

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

/** One valid order after the check, kept per planned order object (the session keeps an order's
 * object until it is planned again), so an edit checks only the orders it made. */
interface OrderCheck {
  choices: ProductChoices
  catalog: ShopCatalog | null
  /** The order as sent (products renamed to the shop's good_name, errors counted); null: the
   * check changed nothing. */
  order: PlannedOrder | null
  added: Issue[]
}

interface Checked {
  session: SheetSession
  revision: number
  choices: ProductChoices
  catalog: ShopCatalog | null
  /** Order index -> the order and the order as checked, for the orders the check changed. */
  changed: Map<number, { base: PlannedOrder; checked: PlannedOrder }>
  /** Sheet row -> the issues the check added there; and by order index. */
  added: Map<number, Issue[]>
  addedByOrder: Map<number, Issue[]>
  addedErrors: number
  /** Rows with any problem, in sheet order (Review's "problems only"); made when first asked. */
  problemRows: number[] | null
}

export class Products {
  private readonly byDestination = new Map<string, DestinationCatalog>()
  private readonly loading = new Map<string, Promise<CatalogInfo>>()
  private readonly choices = new Map<string, ProductChoices>()
  private readonly checks = new Map<string, Checked>()
  private readonly revisions = new Map<string, number>()
  private readonly orderChecks = new WeakMap<readonly number[], OrderCheck>()

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
    this.revisions.delete(sessionId)
  }

  view(session: SheetSession, created: CreatedLookup): ProductsView {
    const catalog = this.current()?.catalog ?? null
    const ordersWith = (code: string) => new Set([...this.checked(session).added.values()].flat().filter((i) => i.code === code).map((i) => i.order)).size
    const plan = { orders: session.sendable(() => null).orders } as Pick<ImportPlan, 'orders'>
    return {
      catalog: this.info(),
      stopped: { unknownProduct: ordersWith('unknown-product'), delivery: ordersWith('delivery') },
      lines: productLines(plan, catalog, this.choicesOf(session)),
      shop: catalog ? catalog.products.map(shopProductView) : [],
      counts: this.counts(session, created)
    }
  }

  /** The session changed (mapping, edit, exclusion, read again): its check is made again, for the
   * orders that changed. */
  changed(session: SheetSession): void {
    this.revisions.set(session.id, (this.revisions.get(session.id) ?? 0) + 1)
  }

  /** The session's valid orders with the choices applied and the catalog check done (kept until
   * the session, the choices or the catalog change; each order's check is kept with the order). */
  checked(session: SheetSession): Checked {
    const revision = this.revisions.get(session.id) ?? 0
    const choices = this.choicesOf(session)
    const catalog = this.current()?.catalog ?? null
    const old = this.checks.get(session.id)
    if (old && old.session === session && old.revision === revision && old.choices === choices && old.catalog === catalog) return old
    const base = session.sendable(() => null).orders
    // An order keeps its rows array while it is not planned again (renumbering keeps it too).
    const stale = base.filter((order) => {
      const known = this.orderChecks.get(order.rows)
      return !known || known.choices !== choices || known.catalog !== catalog
    })
    if (stale.length > 0) {
      const plan: ImportPlan = { orders: stale, orderOfRow: new Int32Array(0), issues: [], counts: { rows: 0, orders: stale.length, validOrders: stale.length, errors: 0, warnings: 0 } }
      const check = checkAgainstCatalog(applyProductChoices(plan, choices), catalog)
      const byOrder = new Map<number, Issue[]>()
      for (const issue of check.added) {
        if (issue.order === null) continue
        const list = byOrder.get(issue.order)
        if (list) list.push(issue)
        else byOrder.set(issue.order, [issue])
      }
      stale.forEach((order, i) => {
        const after = check.plan.orders[i] ?? order
        this.orderChecks.set(order.rows, { choices, catalog, order: after === order ? null : after, added: byOrder.get(order.index) ?? [] })
      })
    }
    const changed = new Map<number, { base: PlannedOrder; checked: PlannedOrder }>()
    const added = new Map<number, Issue[]>()
    const addedByOrder = new Map<number, Issue[]>()
    let addedErrors = 0
    for (const order of base) {
      const known = this.orderChecks.get(order.rows)!
      if (known.order === null && known.added.length === 0) continue
      const index = order.index
      if (known.order) changed.set(index, { base: order, checked: known.order.index === index ? known.order : renumbered(known.order, index) })
      const issues = known.added.map((issue) => (issue.order === index ? issue : { ...issue, order: index }))
      addedByOrder.set(index, issues)
      for (const issue of issues) {
        if (issue.severity === 'error') addedErrors++
        const row = issue.row ?? order.rows[0]
        if (row === undefined) continue
        const list = added.get(row)
        if (list) list.push(issue)
        else added.set(row, [issue])
      }
    }
    const entry: Checked = { session, revision, choices, catalog, changed, added, addedByOrder, addedErrors, problemRows: null }
    this.checks.set(session.id, entry)
    return entry
  }

  /** The session's valid orders as checked (those the check stopped have errors now). */
  orders(session: SheetSession): PlannedOrder[] {
    const { changed } = this.checked(session)
    return session.sendable(() => null).orders.map((order) => changed.get(order.index)?.checked ?? order)
  }

  counts(session: SheetSession, created: CreatedLookup): PlanCounts {
    const base = session.counts(created)
    const checked = this.checked(session)
    let stopped = 0
    let alreadyCreated = base.alreadyCreated
    for (const { base: order, checked: after } of checked.changed.values()) {
      // Sent under another product name (or not at all): created before is judged on what is sent.
      if (created(order) !== null) alreadyCreated--
      if (after.errors > 0) stopped++
      else if (created(after) !== null) alreadyCreated++
    }
    return { ...base, validOrders: base.validOrders - stopped, errors: base.errors + checked.addedErrors, alreadyCreated }
  }

  page(session: SheetSession, offset: number, limit: number, filter: 'all' | 'problems', created: CreatedLookup): { total: number; rows: GridRow[] } {
    const checked = this.checked(session)
    if (filter === 'all' || checked.added.size === 0) {
      const page = session.page(offset, limit, filter, created)
      return { total: page.total, rows: page.rows.map((row) => this.withChecks(row, checked, created)) }
    }
    const problems = this.problemRows(session, checked)
    const rows = problems.slice(offset, offset + limit).map((row) => this.gridRow(session, row, created))
    return { total: problems.length, rows }
  }

  gridRow(session: SheetSession, row: number, created: CreatedLookup): GridRow {
    return this.withChecks(session.gridRow(row, created), this.checked(session), created)
  }

  preview(session: SheetSession, orderIndex: number): OrderPreview {
    const base = session.preview(orderIndex)
    const checked = this.checked(session)
    const after = checked.changed.get(orderIndex)?.checked
    const added = checked.addedByOrder.get(orderIndex) ?? []
    if (!after && added.length === 0) return base
    const order = after ?? checked.changed.get(orderIndex)?.base
    if (!order) return { ...base, issues: [...base.issues, ...added] }
    const query = createOrderQuery(order)
    return { order: draftOf(order), issues: [...base.issues, ...added], body: query === '' ? MASKED_HASH : `${query}&${MASKED_HASH}` }
  }

  /** What a run is staged from: the checked orders (chosen and title-matched products sent as the
   * shop's good_name; unknown products and missing delivery data are errors, never sent). */
  runSource(session: SheetSession): RunSource {
    const orders = this.orders(session)
    return {
      read: session.read,
      mapping: session.mapping,
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

  /** The Map step's Products panel (products.check): each product value of the sheet against the
   * same list the Products step and a run use (read again with refresh), the user's choices
   * applied; the cached copy when the list could not be read, nothing for the sandbox without one. */
  async check(session: SheetSession, refresh: boolean): Promise<ProductsCheck> {
    const info = await this.load(refresh)
    const catalog = this.current()?.catalog ?? null
    const sandbox = this.deps.connections.info().kind === 'sandbox'
    const source: ProductsCheck['source'] = info.state === 'ready' ? 'fresh' : catalog ? 'cache' : 'none'
    const reason = info.state === 'unavailable' ? info.reason : null
    const why = info.state === 'unavailable' ? (info.why ?? null) : null
    const orders = session.sendable(() => null).orders
    const plan: ImportPlan = { orders, orderOfRow: new Int32Array(0), issues: [], counts: { rows: 0, orders: orders.length, validOrders: orders.length, errors: 0, warnings: 0 } }
    const { products, added } = checkAgainstCatalog(applyProductChoices(plan, this.choicesOf(session)), catalog)
    return {
      source,
      sandbox,
      reason,
      why,
      fetchedAt: catalog?.fetchedAt ?? null,
      shopProducts: catalog?.products.length ?? 0,
      unknownOrders: new Set(added.filter((i) => i.code === 'unknown-product').map((i) => i.order)).size,
      products: products.slice(0, MAX_LISTED).map((report) => ({
        value: report.value,
        orders: report.orders,
        match: report.match.kind,
        product: report.match.kind === 'none' ? null : { name: report.match.product.name, title: report.match.product.title, price: report.match.product.price, kind: report.match.product.kind },
        otherPrices: report.otherPrices,
        withoutPrice: report.withoutPrice
      }))
    }
  }

  /** Review's problem rows: the session's and those the check added, in sheet order. */
  private problemRows(session: SheetSession, checked: Checked): number[] {
    if (checked.problemRows) return checked.problemRows
    const total = session.page(0, 0, 'problems', () => null).total
    const rows = new Set(session.page(0, total, 'problems', () => null).rows.map((r) => r.row))
    for (const row of checked.added.keys()) rows.add(row)
    const wanted = session.read.table.rowNumbers.filter((row) => rows.has(row))
    checked.problemRows = wanted
    return wanted
  }

  private withChecks(row: GridRow, checked: Checked, created: CreatedLookup): GridRow {
    const added = checked.added.get(row.row)
    const after = row.order === null ? undefined : checked.changed.get(row.order)?.checked
    if (!added && !after) return row
    const alreadyCreated = after ? (after.errors === 0 ? created(after) : null) : row.alreadyCreated
    return { ...row, issues: added ? [...row.issues, ...added] : row.issues, alreadyCreated }
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
