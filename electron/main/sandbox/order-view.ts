// An order as getOrderDetails and getOrdersWithGoods return it. Values are strings, as rows
// from a PHP/MySQL backend usually are (client code casts them with intval/floatval), so
// clients must not rely on JSON number types. Sandbox guesses, not vendor facts: items[].id is
// the good_name sent to CreateOrder; title is the catalog's title (else the good_name); an item
// without good_sum costs the catalog's price (the shop price applies), else 0.00; price is the
// catalog's price when there is one.
import type { Json } from './answers'
import type { SandboxCatalog } from './catalog'
import type { LedgerOrder } from './ledger'

export function orderView(order: LedgerOrder, catalog?: SandboxCatalog): { [key: string]: Json } {
  const field = (key: string): string => order.fields[key] ?? ''
  const sums = order.goods.map((good) => good.good_sum ?? catalog?.priceOf(good.good_name) ?? null)
  const items = order.goods.map((good, i) => {
    const sum = money(sums[i] ?? null)
    const listed = catalog?.priceOf(good.good_name)
    return { id: good.good_name, title: catalog?.titleOf(good.good_name) ?? good.good_name, sum, price: listed === undefined ? sum : money(listed) }
  })
  const total = money(String(sums.reduce((acc: number, sum) => acc + Number(sum ?? 0), 0)))
  const domain = field('bill_domain')
  return {
    id: String(order.bill_id),
    first_name: field('bill_first_name'),
    last_name: field('bill_surname'),
    middle_name: field('bill_middle_name') || field('bill_otchestvo'),
    email: order.email,
    phone: field('bill_phone'),
    city: field('bill_city'),
    country: field('bill_country'),
    address: field('bill_address'),
    region: field('bill_region'),
    postalcode: field('bill_postal_code'),
    created: String(order.created),
    pay_status: order.pay_status,
    // The payment date, unix seconds (api-research §3); '0' while unpaid.
    paid: order.paid_at === null ? '0' : String(order.paid_at),
    comment: order.comment,
    tag: order.tag,
    domain,
    link: domain ? `https://${domain}/order/${order.bill_id}/` : `/order/${order.bill_id}/`,
    kupon: field('bill_kupon') || field('bill_coupon'),
    price: total,
    bill_sum_topay: total,
    good_count: String(items.length),
    is_recurrent: false,
    utm: {
      medium: field('utm[utm_medium]'),
      source: field('utm[utm_source]'),
      campaign: field('utm[utm_campaign]'),
      content: field('utm[utm_content]'),
      term: field('utm[utm_term]')
    },
    items
  }
}

function money(sum: string | null): string {
  return Number(sum ?? 0).toFixed(2)
}
