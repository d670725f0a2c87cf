import type { SourcePreset } from './types'

/** WooCommerce > Analytics > Orders > Download: one row per order, the customer's name but no
 * e-mail, the products as one text ("2× Course, Book"). */
export const WOOCOMMERCE_ANALYTICS: SourcePreset = {
  id: 'woocommerce-analytics',
  name: 'WooCommerce Analytics orders export',
  signature: ['Order #', 'Status', 'Customer', 'Product(s)', 'Items sold', 'Net Sales'],
  fields: { bill_created: 'Date', bill_kupon: 'Coupon(s)' },
  fullName: { column: 'Customer', order: 'given-first' },
  product: ['Product(s)'],
  price: 'Net Sales',
  priceIs: 'line'
}
