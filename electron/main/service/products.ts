// The app's Products check (issue 12 §1 in the app): the connected shop's product list
// (GetAllGoods), fetched when asked and cached per destination, and each product value of the
// session's sheet matched to it: the same name, a title (sent as its name), a close match
// (offered, never applied) or none, with the prices that differ from the shop's.
import type { ProductsCheck } from '#shared/ipc/contract'
import type { ImportPlan } from '#shared/plan/import-plan'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import type { ShopCatalog } from '#shared/shop/shop-catalog'
import { fetchCatalog } from '../api/catalog'
import { catalogCachePath, destinationKey, readCachedCatalog, writeCachedCatalog } from '../ops/catalog-cache'
import type { Target } from './connection'

/** At most this many product values are listed (a sheet of free text could have thousands). */
const MAX_LISTED = 500

export class ProductCatalogs {
  private readonly fetched = new Map<string, ShopCatalog>()

  constructor(private readonly journalPath: string) {}

  /** The catalog for this target: the one fetched in this session unless `refresh`, else a fresh
   * GetAllGoods, else the copy cached on disk (with why the fetch failed). */
  async catalog(target: Target, refresh: boolean): Promise<{ catalog: ShopCatalog | null; source: ProductsCheck['source']; reason: string | null }> {
    const key = destinationKey(target.apiBase, target.login)
    const known = this.fetched.get(key)
    if (known && !refresh) return { catalog: known, source: 'fresh', reason: null }
    const result = await fetchCatalog(() => target.client.getAllGoods())
    if (result.ok) {
      this.fetched.set(key, result.catalog)
      try {
        writeCachedCatalog(catalogCachePath(this.journalPath), key, result.catalog)
      } catch {
        // The cache is a convenience; a read-only folder must not stop the check.
      }
      return { catalog: result.catalog, source: 'fresh', reason: null }
    }
    // The built-in sandbox without a catalog accepts any product: nothing to check.
    if (target.kind === 'sandbox' && result.noProducts) return { catalog: null, source: 'none', reason: null }
    const cached = target.kind === 'sandbox' ? null : readCachedCatalog(catalogCachePath(this.journalPath), key)
    return { catalog: cached, source: cached ? 'cache' : 'none', reason: result.reason }
  }
}

export function productsCheck(plan: ImportPlan, catalog: ShopCatalog | null, source: ProductsCheck['source'], reason: string | null, sandbox: boolean): ProductsCheck {
  const { products, added } = checkAgainstCatalog(plan, catalog)
  return {
    source,
    sandbox,
    reason,
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
