// Before a run: the shop's product list (GetAllGoods), so unknown products and missing delivery
// data are errors on their orders before anything is sent. Fetched fresh and cached per
// destination; when it cannot be fetched the user is told why and asked whether to go on without
// it (--yes accepts), using the cached copy when there is one.
import { cliT } from '../lang'
import { renderMessage } from '#shared/i18n/message'
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
    io.stdout(`${cliT(io)('cli.catalog.read', { count: n })}\n`)
    return { go: true, catalog: fetched.catalog }
  }
  const cached = target.sandbox ? null : readCachedCatalog(cachePath, key)
  const t = cliT(io)
  io.stdout(`${t('cli.catalog.unreadable', { reason: renderMessage(t, fetched.why) })}\n`)
  if (cached) {
    io.stdout(`${t('cli.catalog.cached', { time: new Date(cached.fetchedAt).toISOString(), count: cached.products.length })}\n`)
  } else {
    io.stdout(`${t('cli.catalog.none')}\n`)
  }
  const question = t(cached ? 'cli.catalog.goOnOld' : 'cli.catalog.goOnWithout')
  if (!(await confirmed(io, yes, question))) return { go: false }
  return { go: true, catalog: cached }
}
