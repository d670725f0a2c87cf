// What every value transform returns. A transform never throws on bad data: it says what is
// wrong in plain words, and the caller adds the file, row, column and field.
import { reasonMessage, type ReasonParams } from './reason'

/** A value that cannot be read: the English sentence, and the catalog reason ('money.invalid',
 * the key 'reason.money.invalid') with its parameters, for words in the user's language. */
export interface Failure {
  ok: false
  message: string
  reason?: string
  params?: ReasonParams
}

export type Transformed<T> = { ok: true; value: T | null } | Failure

/** The cell is blank: nothing to send for this field. */
export const NOTHING: { ok: true; value: null } = Object.freeze({ ok: true, value: null })

export function ok<T>(value: T): Transformed<T> {
  return { ok: true, value }
}

export function fail<T>(message: string): Transformed<T> {
  return { ok: false, message }
}

/** A failure worded by the catalog key 'reason.<reason>'. */
export function failWith<T>(reason: string, params: ReasonParams): Transformed<T> {
  return { ok: false, message: reasonMessage(reason, params), reason, params }
}
