import type { SourcePreset } from './types'

/** Shopify admin, Orders > Export (orders_export.csv): one row per line item; the order's
 * details (billing, totals, notes) only on its first row; `Name` ("#1001") is the order. */
export const SHOPIFY_ORDERS: SourcePreset = {
  id: 'shopify-orders',
  name: 'Shopify orders export',
  signature: ['Name', 'Email', 'Financial Status', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'],
  fields: {
    bill_email: 'Email',
    bill_phone: ['Billing Phone', 'Phone', 'Shipping Phone'],
    bill_country: 'Billing Country',
    bill_region: ['Billing Province Name', 'Billing Province'],
    bill_city: 'Billing City',
    bill_address: ['Billing Address1', 'Billing Street'],
    bill_postal_code: 'Billing Zip',
    bill_kupon: 'Discount Code',
    bill_tag: 'Tags',
    bill_comment: 'Notes',
    bill_created: 'Created at'
  },
  fullName: { column: ['Billing Name', 'Shipping Name'], order: 'given-first' },
  product: ['Lineitem sku', 'Lineitem name'],
  price: 'Lineitem price',
  priceIs: 'unit',
  quantity: 'Lineitem quantity',
  groupBy: 'Name',
  ignore: ['Source', 'Id', 'Vendor', 'Location', 'Employee', 'Shipping Method']
}
