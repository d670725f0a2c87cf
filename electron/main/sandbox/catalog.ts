// The sandbox shop's products: what GetAllGoods lists, what CreateOrder accepts (any other
// good_name answers 604) and which products are shipped (605 without delivery data, by the same
// rule as the preview: shared/shop/delivery-rule.ts). Given as plain names (--products a,b),
// or with ids, titles, prices and types (a JSON or CSV catalog file, or --catalog-from a shop).
import { productKind, type ProductKind } from '#shared/shop/shop-catalog'
import { ANSWERS, ok, type Answer } from './answers'

export interface SandboxProduct {
  name: string
  id?: string
  title?: string
  /** The shop price, e.g. '3900.00'; absent: none. */
  price?: string
  /** good_type as GetAllGoods sends it: 'physical', 'digital', 1, ''. */
  type?: string
}

export class SandboxCatalog {
  private readonly byName: Map<string, Required<SandboxProduct>>

  constructor(products: ReadonlyArray<string | SandboxProduct>) {
    this.byName = new Map()
    products.forEach((entry, i) => {
      const product = typeof entry === 'string' ? { name: entry } : entry
      const name = product.name.trim()
      if (name === '') throw new Error(`Sandbox product ${i + 1} has no name (good_name).`)
      this.byName.set(name, {
        name,
        id: product.id ?? String(1001 + i),
        title: product.title ?? name,
        price: product.price ?? '',
        type: product.type ?? ''
      })
    })
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  kindOf(name: string): ProductKind {
    const product = this.byName.get(name)
    return product ? productKind(product.type) : 'unknown'
  }

  /** The shop price, when the catalog has one. */
  priceOf(name: string): string | undefined {
    const price = this.byName.get(name)?.price
    return price ? price : undefined
  }

  titleOf(name: string): string | undefined {
    return this.byName.get(name)?.title
  }

  size(): number {
    return this.byName.size
  }

  /** GetAllGoods: the list, or 700 "no products" for an empty catalog. */
  answer(): Answer {
    if (this.byName.size === 0) return ANSWERS.noProducts
    return ok(
      [...this.byName.values()].map((p) => ({ good_id: p.id, good_name: p.name, good_title: p.title, good_sum: p.price, good_type: p.type }))
    )
  }
}
