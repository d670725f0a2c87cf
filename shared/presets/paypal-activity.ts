import type { SourcePreset } from './types'

/** PayPal, Activity > Download (CSV): one row per transaction; Date, Time and TimeZone in three
 * columns; the buyer is `From Email Address` (`To Email Address` is the merchant); `Gross` is the
 * payment, for `Quantity` items. */
export const PAYPAL_ACTIVITY: SourcePreset = {
  id: 'paypal-activity',
  name: 'PayPal activity download',
  signature: ['Date', 'Time', 'TimeZone', 'Name', 'Gross', 'From Email Address', 'To Email Address', 'Transaction ID'],
  fields: {
    bill_email: 'From Email Address',
    bill_phone: 'Contact Phone Number',
    bill_country: 'Country',
    bill_region: 'State/Province/Region/County/Territory/Prefecture/Republic',
    bill_city: 'Town/City',
    bill_address: 'Address Line 1',
    bill_postal_code: 'Zip/Postal Code',
    bill_comment: 'Note',
    bill_created: 'Date'
  },
  fullName: { column: 'Name', order: 'given-first' },
  product: ['Item ID', 'Item Title'],
  price: 'Gross',
  priceIs: 'line',
  quantity: 'Quantity',
  merchantEmail: 'To Email Address',
  time: { time: 'Time', zone: 'TimeZone' }
}
