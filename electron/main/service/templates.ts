// Saved mappings ("templates"), kept in one JSON file in the user-data folder. When a sheet comes
// back with the same headers, its template is applied instead of guessing again.
import { join } from 'node:path'
import { z } from 'zod'
import { MappingSchema } from '#shared/mapping/mapping'
import { readJsonFile, writeJsonFile } from './json-file'

const TemplateSchema = z.object({
  name: z.string().min(1),
  headers: z.array(z.string()),
  mapping: MappingSchema,
  savedAt: z.number(),
  /** The Products step's choices: a sheet's product value -> the shop's good_name. (Added; optional.) */
  products: z.record(z.string(), z.string()).optional()
})
export type Template = z.infer<typeof TemplateSchema>

const FileSchema = z.object({ version: z.literal(1), templates: z.array(TemplateSchema) })

export class TemplateStore {
  private readonly path: string

  constructor(userDataDir: string) {
    this.path = join(userDataDir, 'templates.json')
  }

  list(): Template[] {
    const parsed = FileSchema.safeParse(readJsonFile(this.path))
    // A template damaged by hand is skipped rather than breaking every other one.
    return parsed.success ? parsed.data.templates : []
  }

  /** Saves (or replaces, by name) a template. */
  save(template: Template): void {
    const name = template.name.trim()
    const others = this.list().filter((t) => t.name.trim().toLowerCase() !== name.toLowerCase())
    writeJsonFile(this.path, { version: 1, templates: [...others, { ...template, name }] })
  }

  /** Stores a product choice in the named template (value -> good_name; null forgets it). */
  setProductChoice(name: string, value: string, product: string | null): void {
    const all = this.list()
    const template = all.find((t) => t.name === name)
    if (!template) return
    const products = { ...template.products }
    if (product === null) delete products[value]
    else products[value] = product
    writeJsonFile(this.path, { version: 1, templates: all.map((t) => (t === template ? { ...t, products } : t)) })
  }

  /** The newest template saved for exactly these headers (same names, any order). */
  findFor(headers: readonly string[]): Template | null {
    const wanted = headerKey(headers)
    const matching = this.list().filter((t) => headerKey(t.headers) === wanted)
    return matching.sort((a, b) => b.savedAt - a.savedAt)[0] ?? null
  }
}

export function headerKey(headers: readonly string[]): string {
  return JSON.stringify(headers.map((h) => h.trim()).sort())
}
