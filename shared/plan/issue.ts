// A problem found in the user's data. Every message names where it is (file, row, column,
// field) in words a person understands; no stack traces ever reach a user.

export type Severity = 'error' | 'warning'

export interface Issue {
  severity: Severity
  /** Stable machine code, e.g. 'required', 'email', 'money', 'date', 'conflict', 'duplicate-order'. */
  code: string
  /** 1-based sheet row number, or null when the issue is about the whole sheet or order. */
  row: number | null
  /** Header text of the column involved, when there is one. */
  column: string | null
  /** CreateOrder field key ('bill_email', 'goods[1][good_sum]', ...), when there is one. */
  field: string | null
  /** 1-based order index in the file, when the issue belongs to an order. */
  order: number | null
  message: string
}
