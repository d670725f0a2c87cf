// The name of a journal step ("record the answers for 3 orders") as a message, so a storage error
// says which step failed in the reader's language. Only journal.step.* keys are steps: English
// words cannot be passed where a step is asked for.
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { msg, type Message, type MessageParams } from '#shared/i18n/message'

export type StepKey = Extract<CatalogKey, `journal.step.${string}`>

export interface JournalStep extends Message {
  readonly key: StepKey
}

export function journalStep(key: StepKey, params?: MessageParams): JournalStep {
  return msg(key, params) as JournalStep
}
