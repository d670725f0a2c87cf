// Every way reading a sheet can fail, as data: one code for programs, one plain line for people
// (in English, and as a catalog key with values that each front-end words in its user's language).
// Readers throw SheetReadError; readSheetFile turns it into a value, so callers never catch.
// The readers run in the sheet worker, which stays free of the translator (i18next would add its
// start-up to every file read): messages are built as plain { key, params } here, with the English
// words beside them (a unit test checks that the two agree).
import type { CatalogKey } from '#shared/i18n/catalog/index'
import type { Message, MessageParams } from '#shared/i18n/message'

export type SheetErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'zip-bomb'
  | 'timeout'
  | 'out-of-memory'
  | 'unsupported'
  | 'malformed'
  | 'no-data'
  | 'no-sheet'
  | 'encoding'

export interface SheetError {
  code: SheetErrorCode
  /** Base name of the file, as it appears at the start of `message`. */
  file: string
  /** One line: the file, what is wrong and what to do (English). */
  message: string
  /** The same line as a catalog key and values (absent for a message without a key yet). */
  localized?: Message
}

export class SheetReadError extends Error {
  error: SheetError

  constructor(error: SheetError) {
    super(error.message)
    this.name = 'SheetReadError'
    this.error = error
  }
}

/** Builds the error with the file name in front, so no message can forget to say which file. */
export function sheetReadError(code: SheetErrorCode, file: string, problem: string, problemWhy?: Message): SheetReadError {
  const localized: Message | undefined = problemWhy ? { key: 'sheet.error', params: { file, problem: problemWhy } } : undefined
  return new SheetReadError({ code, file, message: `${file}: ${problem}`, ...(localized ? { localized } : {}) })
}

/** A message without the translator: its key and values. */
export function why(key: CatalogKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params }
}

/** The error's line: its key and values when it has them, else its English words. */
export function sheetErrorMessage(error: Pick<SheetError, 'message' | 'localized'>): Message {
  return error.localized ?? { key: 'error.asIs', params: { text: error.message } }
}

export function isSheetReadError(value: unknown): value is SheetReadError {
  return value instanceof SheetReadError
}
