// A failure an operation reports on purpose, for either front-end: a stable code to branch on, the
// values the sentence is made of, and the sentence itself (without a command name: the CLI puts
// "retry: " in front, the app shows it as is). Front-ends never take a message apart to decide
// what happened.
export type OpErrorCode =
  | 'invalid-input'
  | 'no-mapping'
  | 'missing-columns'
  | 'open-elsewhere'
  | 'invalid-state'

export class OpError extends Error {
  override readonly name = 'OpError'

  constructor(
    readonly code: OpErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {}
  ) {
    super(message)
  }
}
