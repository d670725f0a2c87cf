import type { SourcePreset } from './types'

/** WooCommerce "Advanced Order Export For WooCommerce" plugin, default fields: one row per
 * product, the order's fields repeated on each; `Item Cost` is the unit price. */
export const WOOCOMMERCE_AOE: SourcePreset = {
  id: 'woocommerce-aoe',
  name: 'WooCommerce Advanced Order Export',
  signature: ['Order Number', 'Order Date', 'Email (Billing)', 'Item Name'],
  fields: {
    bill_email: 'Email (Billing)',
    bill_first_name: 'First Name (Billing)',
    bill_surname: 'Last Name (Billing)',
    bill_phone: 'Phone (Billing)',
    bill_country: ['Country Name (Billing)', 'Country Code (Billing)'],
    bill_region: ['State Name (Billing)', 'State Code (Billing)'],
    bill_city: 'City (Billing)',
    bill_address: ['Address 1&2 (Billing)', 'Address 1 (Billing)'],
    bill_postal_code: 'Postcode (Billing)',
    bill_kupon: 'Coupon Code',
    bill_comment: 'Customer Note',
    bill_created: 'Order Date'
  },
  product: ['SKU', 'Product ID', 'Item Name'],
  price: ['Item Cost', 'Item Cost (Incl. Tax)'],
  priceIs: 'unit',
  quantity: ['Quantity', 'Qty'],
  groupBy: 'Order Number'
}
