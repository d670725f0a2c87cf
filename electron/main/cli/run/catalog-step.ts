// Before a run: the shop's product list (GetAllGoods), so unknown products and missing delivery
// data are errors on their orders before anything is sent. Fetched fresh and cached per
// destination; when it cannot be fetched the user is told why and asked whether to go on without
// it (--yes accepts), using the cached copy when there is one.
import type { ShopCatalog } from '#shared/shop/shop-catalog'
import { ApiClient } from '../../api/api-client'
import { fetchCatalog } from '../../api/catalog'
import { catalogCachePath, destinationKey, readCachedCatalog, writeCachedCatalog } from '../../ops/catalog-cache'
import type { CliIo } from '../io'
import type { ApiTarget } from './api-target'
import { confirmed } from './confirm'

export type CatalogStep = { go: true; catalog: ShopCatalog | null } | { go: false }

export async function catalogStep(target: ApiTarget, journalPath: string, io: CliIo, yes: boolean): Promise<CatalogStep> {
  const client = new ApiClient({ baseUrl: target.baseUrl, login: target.login, secret: target.secret })
  const fetched = await fetchCatalog(() => client.getAllGoods())
  // The built-in sandbox without a catalog accepts any product: nothing to check, nothing to ask.
  if (target.sandbox && !fetched.ok && fetched.noProducts) return { go: true, catalog: null }
  const cachePath = catalogCachePath(journalPath)
  const key = destinationKey(target.baseUrl, target.login)
  if (fetched.ok) {
    try {
      writeCachedCatalog(cachePath, key, fetched.catalog)
    } catch {
      // The cache is a convenience; a read-only folder must not stop the import.
    }
    const n = fetched.catalog.products.length
    io.stdout(`The shop's product list: ${n} product${n === 1 ? '' : 's'}; every order's products are checked against it.\n`)
    return { go: true, catalog: fetched.catalog }
  }
  const cached = target.sandbox ? null : readCachedCatalog(cachePath, key)
  io.stdout(`Could not read the shop's product list (GetAllGoods): ${fetched.reason}.\n`)
  if (cached) {
    io.stdout(`Using the list read from this shop at ${new Date(cached.fetchedAt).toISOString()} (${cached.products.length} products); it may be out of date.\n`)
  } else {
    io.stdout('Without it, products are not checked before sending: an unknown product is refused by the shop (604) during the run.\n')
  }
  const question = cached ? 'Go on with the older product list?' : 'Go on without checking products?'
  if (!(await confirmed(io, yes, question))) return { go: false }
  return { go: true, catalog: cached }
}
