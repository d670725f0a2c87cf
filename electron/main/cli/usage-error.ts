import { englishOf, type Localized, type Message } from '#shared/i18n/message'

/** A mistake in how the command was called or in its input: reported as one line, exit code 1.
 * Given a message (catalog key + values), it is shown in the CLI's language; a plain string is
 * shown as it is. */
export class UsageError extends Error implements Localized {
  override readonly name = 'UsageError'
  readonly localized?: Message

  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : englishOf(message))
    if (typeof message !== 'string') this.localized = message
  }
}
