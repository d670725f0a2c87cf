// Every way reading a sheet can fail, as data: one code for programs, one plain line for people.
// Readers throw SheetReadError; readSheetFile turns it into a value, so callers never catch.

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
  /** One line: the file, what is wrong and what to do. */
  message: string
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
export function sheetReadError(code: SheetErrorCode, file: string, problem: string): SheetReadError {
  return new SheetReadError({ code, file, message: `${file}: ${problem}` })
}

export function isSheetReadError(value: unknown): value is SheetReadError {
  return value instanceof SheetReadError
}
