// The app's Products step over the engine's catalog check (the CLI's is cli/run/catalog-step.ts):
// the shop's product list (GetAllGoods) for the connection chosen now, read when asked (the
// renderer asks when a connection is chosen and on the Products step; a run reads it first when
// nobody has) and kept per destination with the time it was read (on disk too, beside the journal,
// like the CLI: ops/catalog-cache.ts); the user's product choices per sheet (stored in the
// template when the sheet has one); and the session's plan with the choices applied and the
// catalog check done, which is what Review shows, what the counts count and what a run sends.
// The session itself (sheet-session.ts) is only read through its public functions.
import type { CatalogInfo, GridRow, OrderPreview, PlanCounts, ProductsView } from '#shared/ipc/contract'
import type { Issue } from '#shared/plan/issue'
import type { PlannedOrder } from '#shared/plan/import-plan'
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
import type { SheetPlan } from './sheet-plan'
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

interface Checked {
  basePlan: SheetPlan
  choices: ProductChoices
  catalog: ShopCatalog | null
  plan: SheetPlan
  /** Sheet row -> the issues the catalog check added there. */
  added: Map<number, Issue[]>
  /** Rows with any problem, in sheet order (Review's "problems only"). */
  problemRows: number[]
}

export class Products {
  private readonly byDestination = new Map<string, DestinationCatalog>()
  private readonly loading = new Map<string, Promise<CatalogInfo>>()
  private readonly choices = new Map<string, ProductChoices>()
  private readonly checks = new Map<string, Checked>()

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
    const why = info.noProducts ? 'the shop answered 700 "no products"' : info.reason
    throw new ServiceError(
      'catalog-unconfirmed',
      `The shop's product list could not be read (${why}), so products are not checked before sending. Open the Products step and choose to go on without the check, or try reading the list again.`
    )
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
        throw notFound(`The shop has no product "${name}" (its list was read ${new Date(catalog.fetchedAt).toISOString()}). Read the list again or pick another product.`)
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
    const ordersWith = (code: string) => new Set([...this.checked(session).added.values()].flat().filter((i) => i.code === code).map((i) => i.order)).size
    return {
      catalog: this.info(),
      stopped: { unknownProduct: ordersWith('unknown-product'), delivery: ordersWith('delivery') },
      lines: productLines(session.plan.plan, catalog, this.choicesOf(session)),
      shop: catalog ? catalog.products.map(shopProductView) : [],
      counts: this.counts(session, created)
    }
  }

  /** The session's plan with the choices applied and the catalog check done (kept until the plan,
   * the choices or the catalog change). */
  checked(session: SheetSession): Checked {
    const basePlan = session.plan
    const choices = this.choicesOf(session)
    const catalog = this.current()?.catalog ?? null
    const old = this.checks.get(session.id)
    if (old && old.basePlan === basePlan && old.choices === choices && old.catalog === catalog) return old
    const check = checkAgainstCatalog(applyProductChoices(basePlan.plan, choices), catalog)
    const added = new Map<number, Issue[]>()
    for (const issue of check.added) {
      const row = issue.row ?? (issue.order === null ? undefined : check.plan.orders[issue.order - 1]?.rows[0])
      if (row === undefined) continue
      const list = added.get(row)
      if (list) list.push(issue)
      else added.set(row, [issue])
    }
    let issuesOfRow = basePlan.issuesOfRow
    if (added.size > 0) {
      issuesOfRow = new Map(basePlan.issuesOfRow)
      for (const [row, issues] of added) issuesOfRow.set(row, [...(issuesOfRow.get(row) ?? []), ...issues])
    }
    const plan: SheetPlan = { ...basePlan, plan: check.plan, issuesOfRow }
    const problemRows = session.read.table.rowNumbers.filter((row) => issuesOfRow.has(row))
    const entry: Checked = { basePlan, choices, catalog, plan, added, problemRows }
    this.checks.set(session.id, entry)
    return entry
  }

  counts(session: SheetSession, created: CreatedLookup): PlanCounts {
    const base = session.counts(() => null)
    const { counts, orders } = this.checked(session).plan.plan
    let alreadyCreated = 0
    for (const order of orders) if (order.errors === 0 && created(order) !== null) alreadyCreated++
    return { ...base, orders: counts.orders, validOrders: counts.validOrders, errors: counts.errors, warnings: counts.warnings, alreadyCreated }
  }

  page(session: SheetSession, offset: number, limit: number, filter: 'all' | 'problems', created: CreatedLookup): { total: number; rows: GridRow[] } {
    const checked = this.checked(session)
    if (filter === 'all') {
      const page = session.page(offset, limit, 'all', created)
      return { total: page.total, rows: page.rows.map((row) => this.withChecks(row, checked, created)) }
    }
    const rows = checked.problemRows.slice(offset, offset + limit).map((row) => this.gridRow(session, row, created))
    return { total: checked.problemRows.length, rows }
  }

  gridRow(session: SheetSession, row: number, created: CreatedLookup): GridRow {
    return this.withChecks(session.gridRow(row, created), this.checked(session), created)
  }

  preview(session: SheetSession, orderIndex: number): OrderPreview {
    const base = session.preview(orderIndex)
    const checked = this.checked(session)
    const order = checked.plan.plan.orders[orderIndex - 1]
    if (!order) return base
    const added = [...checked.added.values()].flat().filter((issue) => issue.order === orderIndex)
    const query = createOrderQuery(order)
    return { order: draftOf(order), issues: [...base.issues, ...added], body: query === '' ? MASKED_HASH : `${query}&${MASKED_HASH}` }
  }

  /** What a run is staged from: the checked plan (chosen and title-matched products sent as the
   * shop's good_name; unknown products and missing delivery data are errors, never sent). */
  runSource(session: SheetSession): RunSource {
    const plan = this.checked(session).plan
    return {
      read: session.read,
      mapping: session.mapping,
      source: session.source,
      plan,
      sendable: (created) => {
        const orders: PlannedOrder[] = []
        let alreadyCreated = 0
        for (const order of plan.plan.orders) {
          if (order.errors > 0) continue
          if (created(order) !== null) alreadyCreated++
          else orders.push(order)
        }
        return { orders, alreadyCreated }
      }
    }
  }

  private withChecks(row: GridRow, checked: Checked, created: CreatedLookup): GridRow {
    const added = checked.added.get(row.row)
    const order = row.order === null ? undefined : checked.plan.plan.orders[row.order - 1]
    const alreadyCreated = order && order.errors === 0 ? created(order) : null
    if (!added && alreadyCreated === row.alreadyCreated) return row
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
      return this.keep(key, { info: { state: 'unavailable', noProducts: false, reason: error.message, cachedAt: null, cachedProducts: 0, confirmed: false }, catalog: null })
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
      info: { state: 'unavailable', noProducts: fetched.noProducts, reason: fetched.reason, cachedAt: cached?.fetchedAt ?? null, cachedProducts: cached?.products.length ?? 0, confirmed: false },
      catalog: cached
    })
  }

  private keep(key: string, entry: DestinationCatalog): CatalogInfo {
    this.byDestination.set(key, entry)
    return entry.info
  }
}
