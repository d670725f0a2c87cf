// A small catalog file for the sandbox: JSON (a list of products, or a saved GetAllGoods answer
// with `result`) or CSV (a header row, then one product a line). Columns and keys take the API's
// names (good_id, good_name, good_title, good_sum, good_type) or the short ones (id, name, title,
// price, type). Every mistake names the file, the line or entry, and the field.
import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import Papa from 'papaparse'
import type { SandboxProduct } from './catalog'
import { LocalizedError, msg, type Message } from '#shared/i18n/message'

export class CatalogFileError extends LocalizedError {
  override name = 'CatalogFileError'
}

const KEYS = {
  name: ['good_name', 'name'],
  id: ['good_id', 'id'],
  title: ['good_title', 'title'],
  price: ['good_sum', 'price'],
  type: ['good_type', 'type']
} as const

export function isCatalogFileName(value: string): boolean {
  return /\.(json|csv)$/i.test(value.trim())
}

export function readCatalogFile(path: string): SandboxProduct[] {
  const file = basename(path)
  let text: string
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new CatalogFileError(code === 'ENOENT' ? msg('sandboxCatalog.missing', { path }) : msg('sandboxCatalog.unreadable', { path, reason: (error as Error).message }))
  }
  const entries = extname(path).toLowerCase() === '.json' ? jsonEntries(text, file) : csvEntries(text, file)
  if (entries.length === 0) throw new CatalogFileError(msg('sandboxCatalog.empty', { file }))
  const seen = new Set<string>()
  return entries.map(({ where, record }) => {
    const product = toProduct(record, where)
    if (seen.has(product.name)) throw new CatalogFileError(msg('sandboxCatalog.twice', { where, name: product.name }))
    seen.add(product.name)
    return product
  })
}

interface Entry {
  where: Message
  record: Record<string, unknown>
}

function jsonEntries(text: string, file: string): Entry[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new CatalogFileError(msg('sandboxCatalog.badJson', { file, reason: (error as Error).message }))
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && 'result' in data) data = (data as { result: unknown }).result
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? Object.values(data) : undefined
  if (!list) throw new CatalogFileError(msg('sandboxCatalog.notList', { file }))
  return list.map((record, i) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) throw new CatalogFileError(msg('sandboxCatalog.notObject', { where: msg('sandboxCatalog.where.product', { file, n: i + 1 }) }))
    return { where: msg('sandboxCatalog.where.product', { file, n: i + 1 }), record: record as Record<string, unknown> }
  })
}

function csvEntries(text: string, file: string): Entry[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() })
  const fields = parsed.meta.fields ?? []
  if (!KEYS.name.some((key) => fields.includes(key))) {
    throw new CatalogFileError(fields.length > 0 ? msg('sandboxCatalog.noNameColumn', { file, found: fields.map((f) => `"${f}"`).join(', ') }) : msg('sandboxCatalog.noColumns', { file }))
  }
  return parsed.data.map((record, i) => ({ where: msg('sandboxCatalog.where.line', { file, n: i + 2 }), record }))
}

function toProduct(record: Record<string, unknown>, where: Message): SandboxProduct {
  const get = (keys: readonly string[]): string | undefined => {
    for (const key of keys) {
      const value = record[key]
      if (typeof value === 'string') return value.trim()
      if (typeof value === 'number') return String(value)
    }
    return undefined
  }
  const name = get(KEYS.name)
  if (!name) throw new CatalogFileError(msg('sandboxCatalog.noName', { where }))
  const price = get(KEYS.price)
  if (price && !/^\d+(\.\d+)?$/.test(price)) throw new CatalogFileError(msg('sandboxCatalog.badPrice', { where, price }))
  const product: SandboxProduct = { name }
  const id = get(KEYS.id)
  const title = get(KEYS.title)
  const type = get(KEYS.type)
  if (id) product.id = id
  if (title) product.title = title
  if (price) product.price = price
  if (type !== undefined) product.type = type
  return product
}
