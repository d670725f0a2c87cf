// What every value transform returns. A transform never throws on bad data: it says what is
// wrong in plain words, and the caller adds the file, row, column and field.

export type Transformed<T> = { ok: true; value: T | null } | { ok: false; message: string }

/** The cell is blank: nothing to send for this field. */
export const NOTHING: { ok: true; value: null } = Object.freeze({ ok: true, value: null })

export function ok<T>(value: T): Transformed<T> {
  return { ok: true, value }
}

export function fail<T>(message: string): Transformed<T> {
  return { ok: false, message }
}
