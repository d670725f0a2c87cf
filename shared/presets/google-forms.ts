import type { SourcePreset } from './types'

/** Google Forms responses (the linked Google Sheet, downloaded): `Timestamp` first, the
 * respondent's address in `Email Address` when the form collects it, then one column per
 * question. The questions are matched by their names. */
export const GOOGLE_FORMS: SourcePreset = {
  id: 'google-forms',
  name: 'Google Forms responses',
  signature: [['Timestamp', 'Отметка времени'], ['Email Address', 'Адрес электронной почты', 'Email address']],
  fields: {
    bill_email: ['Email Address', 'Адрес электронной почты', 'Email address'],
    bill_created: ['Timestamp', 'Отметка времени']
  }
}
