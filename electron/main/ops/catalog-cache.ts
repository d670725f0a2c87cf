// The shop catalogs last fetched, one per destination (API address + login), with the time each
// was fetched, in one JSON file next to the journal. A fresh fetch replaces the entry; when a
// fetch fails, the cached copy can stand in (and its age is shown).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { productKind, type ShopCatalog } from '#shared/shop/shop-catalog'

const ProductSchema = z.object({ id: z.string(), name: z.string(), title: z.string(), price: z.string().nullable(), type: z.string() })
const FileSchema = z.record(z.string(), z.object({ fetchedAt: z.number(), products: z.array(ProductSchema) }))

export function catalogCachePath(journalPath: string): string {
  return `${journalPath.replace(/\.sqlite$/i, '')}-catalogs.json`
}

export function destinationKey(baseUrl: string, login: string): string {
  return `${baseUrl}|${login.toLowerCase()}`
}

function readAll(path: string): z.infer<typeof FileSchema> {
  if (!existsSync(path)) return {}
  try {
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : {}
  } catch {
    // A damaged cache is only a cache: it is rebuilt by the next fetch.
    return {}
  }
}

export function readCachedCatalog(path: string, key: string): ShopCatalog | null {
  const entry = readAll(path)[key]
  if (!entry) return null
  return { fetchedAt: entry.fetchedAt, products: entry.products.map((p) => ({ ...p, kind: productKind(p.type) })) }
}

export function writeCachedCatalog(path: string, key: string, catalog: ShopCatalog): void {
  const all = readAll(path)
  all[key] = { fetchedAt: catalog.fetchedAt, products: catalog.products.map(({ id, name, title, price, type }) => ({ id, name, title, price, type })) }
  const temp = `${path}.tmp`
  writeFileSync(temp, `${JSON.stringify(all, null, 1)}\n`)
  renameSync(temp, path)
}
