// A problem found in the user's data. Every message names where it is (file, row, column,
// field) in words a person understands; no stack traces ever reach a user.
//
// An issue is a catalog key with its parameters: each front end words it in its user's language
// with issueText() (shared/plan/issue-text.ts). `message` is the same sentence in English, kept
// for logs, the journal and code that has no translator at hand.

export type Severity = 'error' | 'warning'

/** What the sentence of an issue needs: rows, counts, API field keys, column headers, and the
 * values as they are shown (quoted, dates read as 'YYYY-MM-DD HH:MM UTC'), never translated. */
export type IssueParams = Readonly<Record<string, string | number>>

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
  /** Catalog key of the sentence ('issue.quantity.whole'): one per code and variant. Absent for
   * issues that are only worded in `message`. */
  key?: string
  params?: IssueParams
  /** The sentence in English (issueText with the English catalog, when `key` is set). */
  message: string
}
