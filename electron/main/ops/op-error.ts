// A failure an operation reports on purpose, for either front-end: a stable code to branch on, the
// catalog key and values of the sentence (so each front-end words it in its user's language), and
// the sentence in English as the error's message (without a command name: the CLI puts "retry: "
// in front, the app shows it as is). Front-ends never take a message apart to decide what
// happened.
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { englishOf, type Localized, type Message, type MessageParams } from '#shared/i18n/message'

export type OpErrorCode =
  | 'invalid-input'
  | 'no-mapping'
  | 'missing-columns'
  | 'open-elsewhere'
  | 'invalid-state'
  | 'not-found'

export class OpError extends Error implements Localized {
  override readonly name = 'OpError'
  readonly localized: Message

  constructor(
    readonly code: OpErrorCode,
    readonly key: CatalogKey,
    readonly params: MessageParams = {}
  ) {
    const localized: Message = { key, params }
    super(englishOf(localized))
    this.localized = localized
  }
}
