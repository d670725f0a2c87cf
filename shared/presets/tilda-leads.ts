import type { SourcePreset } from './types'

/** Tilda, Leads (Заявки) > Export CSV: one row per form submission, the form's own field names
 * (Name, Email, Phone, ...) and Tilda's tranid, formid and sent time. */
export const TILDA_LEADS: SourcePreset = {
  id: 'tilda-leads',
  name: 'Tilda leads export',
  signature: ['tranid', 'formid'],
  fields: {
    bill_email: ['Email', 'E-mail', 'email'],
    bill_phone: ['Phone', 'Телефон', 'phone'],
    bill_created: ['sent', 'Date', 'Дата'],
    'utm[utm_source]': 'utm_source',
    'utm[utm_medium]': 'utm_medium',
    'utm[utm_campaign]': 'utm_campaign',
    'utm[utm_content]': 'utm_content',
    'utm[utm_term]': 'utm_term'
  },
  fullName: { column: ['Name', 'Имя', 'name'], order: 'given-first' }
}
