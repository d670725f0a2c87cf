// The built-in "Sandbox" connection: one in-process stand-in for the shop API, started the first
// time something needs it. Its shop is a file next to the journal (where the CLI keeps it too), so
// sandbox runs can be paused, resumed, reconciled and undone across restarts like real ones.
// "Use my shop's products" is remembered the same way: the copied list is kept in a small JSON file
// in the user-data folder (beside app-state.json) and sold again after a restart.
import { z } from 'zod'
import { startJournalSandbox } from '../ops/sandbox'
import { SANDBOX_DEFAULT_ACCOUNT, SANDBOX_DEFAULT_SECRET } from '../sandbox/defaults'
import type { Sandbox } from '../sandbox/sandbox'
import type { SandboxProduct } from '../sandbox/catalog'
import type { ShopCatalog } from '#shared/shop/shop-catalog'
import { readJsonFile, writeJsonFile } from './json-file'

export const SANDBOX_LOGIN = SANDBOX_DEFAULT_ACCOUNT
/** Public: the sandbox guards nothing. */
export const SANDBOX_SECRET = SANDBOX_DEFAULT_SECRET

const CopiedSchema = z.object({
  version: z.literal(1),
  /** The login of the shop the list was copied from. */
  from: z.string().min(1),
  products: z.array(
    z.object({
      name: z.string(),
      id: z.string().optional(),
      title: z.string().optional(),
      price: z.string().optional(),
      type: z.string().optional()
    })
  )
})

export class SandboxHost {
  private starting: Promise<Sandbox> | null = null
  private copied: { from: string; count: number } | null = null

  /** products: when set, the sandbox shop sells only these (any other good answers 604) and
   * GetAllGoods lists them (with titles, prices and types when given). copiedPath: where a shop's
   * copied list is kept between starts; when that file holds one, the sandbox sells it. */
  constructor(
    private readonly journalPath: string,
    private products?: ReadonlyArray<string | SandboxProduct>,
    private readonly copiedPath?: string
  ) {
    if (!copiedPath) return
    const saved = CopiedSchema.safeParse(readJsonFile(copiedPath))
    if (!saved.success) return
    this.products = saved.data.products.map(({ name, id, title, price, type }) => ({
      name,
      ...(id === undefined ? {} : { id }),
      ...(title === undefined ? {} : { title }),
      ...(price === undefined ? {} : { price }),
      ...(type === undefined ? {} : { type })
    }))
    this.copied = { from: saved.data.from, count: saved.data.products.length }
  }

  /** "Use my shop's products": the sandbox sells exactly the products of this shop's list from
   * now on (started again with them at its next use, and after a restart), as
   * `sandbox --catalog-from` does. */
  async useShopProducts(catalog: ShopCatalog, from: string): Promise<void> {
    await this.close()
    const products = catalog.products.map(({ id, name, title, price, type }) => ({ id, name, title, type, ...(price === null ? {} : { price }) }))
    if (this.copiedPath) writeJsonFile(this.copiedPath, { version: 1, from, products } satisfies z.infer<typeof CopiedSchema>)
    this.products = products
    this.copied = { from, count: catalog.products.length }
  }

  /** The shop whose products the sandbox sells, when it was given one (now or before a restart). */
  shopProducts(): { from: string; count: number } | null {
    return this.copied
  }

  /** The running sandbox, started on first use. */
  get(): Promise<Sandbox> {
    if (!this.starting) {
      this.starting = startJournalSandbox(this.journalPath, this.products ? { products: this.products } : {})
      // A failed start is retried on the next use instead of being remembered forever.
      this.starting.catch(() => {
        this.starting = null
      })
    }
    return this.starting
  }

  async close(): Promise<void> {
    const starting = this.starting
    this.starting = null
    if (!starting) return
    try {
      await (await starting).close()
    } catch {
      // It never started: nothing to close.
    }
  }
}
