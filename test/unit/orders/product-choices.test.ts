// The user's product choices (the app's Products step): applied to the plan before the catalog
// check, so a chosen value is checked and sent as the shop's product; and the per-value lines the
// step shows (match, choice, price differences, lines without a price).
import { describe, expect, it } from 'vitest'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { applyProductChoices, productLines } from '#shared/shop/product-choices'
import { productKind, type ShopCatalog, type ShopProduct } from '#shared/shop/shop-catalog'
import { planImport } from '#shared/plan/import-plan'
import { NOW, col, mapping, sheet } from './helpers'

function product(name: string, title: string, price: string | null, type = ''): ShopProduct {
  return { id: name, name, title, price, type, kind: productKind(type) }
}

const CATALOG: ShopCatalog = {
  fetchedAt: NOW,
  products: [product('course-basic', 'Basic course', '4900.00', 'digital'), product('ebook', 'E-book', '990.00', 'digital')]
}

const plan = () =>
  planImport(
    sheet(['Email', 'Product', 'Price'], [
      ['a@example.com', 'Basic course', '4900'],
      ['b@example.com', 'course-basik', ''],
      ['c@example.com', 'course-basik', '5000'],
      ['d@example.com', 'yoga-mat', '10']
    ]),
    mapping({ fields: { bill_email: col('Email') } }),
    { now: NOW }
  )

describe('product choices', () => {
  it('lists each value with its match, the choice, and the prices against the product sent', () => {
    const lines = productLines(plan(), CATALOG, { 'course-basik': 'course-basic' })
    expect(lines.map((l) => [l.value, l.orders, l.match, l.found?.name ?? null, l.chosen, l.product?.name ?? null])).toEqual([
      ['Basic course', 1, 'title', 'course-basic', null, 'course-basic'],
      ['course-basik', 2, 'close', 'course-basic', 'course-basic', 'course-basic'],
      ['yoga-mat', 1, 'none', null, null, null]
    ])
    expect(lines[0]).toMatchObject({ otherPrices: [], withoutPrice: 0 })
    expect(lines[1]).toMatchObject({ otherPrices: ['5000'], withoutPrice: 1 })
    // A close match is never applied without a choice; a choice of a product the shop lacks is ignored.
    expect(productLines(plan(), CATALOG, { 'yoga-mat': 'no-such' }).map((l) => l.product?.name ?? null)).toEqual(['course-basic', null, null])
  })

  it('sends a chosen value as the shop product, so only the unknown one is an error', () => {
    const before = checkAgainstCatalog(plan(), CATALOG)
    expect(before.added.filter((i) => i.code === 'unknown-product').map((i) => i.row)).toEqual([3, 4, 5])
    const chosen = applyProductChoices(plan(), { 'course-basik': 'course-basic' })
    expect(chosen.orders.map((o) => o.goods[0]?.good_name)).toEqual(['Basic course', 'course-basic', 'course-basic', 'yoga-mat'])
    expect(chosen.orders[1]?.fingerprint).toBeNull()
    const after = checkAgainstCatalog(chosen, CATALOG)
    expect(after.added.filter((i) => i.code === 'unknown-product').map((i) => i.row)).toEqual([5])
    expect(after.plan.orders.map((o) => o.goods[0]?.good_name)).toEqual(['course-basic', 'course-basic', 'course-basic', 'yoga-mat'])
    // No choices: the very same plan.
    const same = plan()
    expect(applyProductChoices(same, {})).toBe(same)
  })
})
