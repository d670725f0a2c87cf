import type { SourcePreset } from './types'

/** A hand-made English register of orders in Excel: Order No, Customer (full name), Qty,
 * Unit Price and Amount, often a Total row at the bottom. */
export const EXCEL_REGISTER_EN: SourcePreset = {
  id: 'excel-register-en',
  name: 'Excel register of orders (English)',
  signature: [['Order No', 'Order No.', 'Order Number', 'Invoice Number'], ['Customer', 'Customer Name'], ['Qty', 'Quantity']],
  fields: { bill_created: ['Order Date', 'Date'] },
  fullName: { column: ['Customer', 'Customer Name'], order: 'given-first' },
  product: ['SKU', 'Product ID', 'Item Code', 'Product', 'Item'],
  price: ['Unit Price', 'Price'],
  priceIs: 'unit',
  quantity: ['Qty', 'Quantity'],
  groupBy: ['Order No', 'Order No.', 'Order Number', 'Invoice Number']
}
