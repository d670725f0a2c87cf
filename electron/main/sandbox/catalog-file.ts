// A small catalog file for the sandbox: JSON (a list of products, or a saved GetAllGoods answer
// with `result`) or CSV (a header row, then one product a line). Columns and keys take the API's
// names (good_id, good_name, good_title, good_sum, good_type) or the short ones (id, name, title,
// price, type). Every mistake names the file, the line or entry, and the field.
import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import Papa from 'papaparse'
import type { SandboxProduct } from './catalog'

export class CatalogFileError extends Error {
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
    throw new CatalogFileError(code === 'ENOENT' ? `The catalog file ${path} does not exist.` : `Could not read the catalog file ${path}: ${(error as Error).message}.`)
  }
  const entries = extname(path).toLowerCase() === '.json' ? jsonEntries(text, file) : csvEntries(text, file)
  if (entries.length === 0) throw new CatalogFileError(`${file}: the catalog has no products.`)
  const seen = new Set<string>()
  return entries.map(({ where, record }) => {
    const product = toProduct(record, `${file}, ${where}`)
    if (seen.has(product.name)) throw new CatalogFileError(`${file}, ${where}: the product "${product.name}" is listed twice.`)
    seen.add(product.name)
    return product
  })
}

interface Entry {
  where: string
  record: Record<string, unknown>
}

function jsonEntries(text: string, file: string): Entry[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new CatalogFileError(`${file} is not valid JSON: ${(error as Error).message}.`)
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && 'result' in data) data = (data as { result: unknown }).result
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? Object.values(data) : undefined
  if (!list) throw new CatalogFileError(`${file}: expected a list of products, e.g. [{"good_name": "course-1", "good_sum": "4900.00"}].`)
  return list.map((record, i) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) throw new CatalogFileError(`${file}, product ${i + 1}: expected an object with good_name.`)
    return { where: `product ${i + 1}`, record: record as Record<string, unknown> }
  })
}

function csvEntries(text: string, file: string): Entry[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() })
  const fields = parsed.meta.fields ?? []
  if (!KEYS.name.some((key) => fields.includes(key))) {
    throw new CatalogFileError(`${file}: the first line must name the columns, with a good_name (or name) column; found ${fields.map((f) => `"${f}"`).join(', ') || 'none'}.`)
  }
  return parsed.data.map((record, i) => ({ where: `line ${i + 2}`, record }))
}

function toProduct(record: Record<string, unknown>, where: string): SandboxProduct {
  const get = (keys: readonly string[]): string | undefined => {
    for (const key of keys) {
      const value = record[key]
      if (typeof value === 'string') return value.trim()
      if (typeof value === 'number') return String(value)
    }
    return undefined
  }
  const name = get(KEYS.name)
  if (!name) throw new CatalogFileError(`${where}: good_name is empty; every product needs the id the shop knows it by.`)
  const price = get(KEYS.price)
  if (price && !/^\d+(\.\d+)?$/.test(price)) throw new CatalogFileError(`${where}: the price (good_sum) "${price}" is not a number like 4900.00.`)
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
