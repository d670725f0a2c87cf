// Why a detection chose what it chose, in the reader's language: from its key and values, else
// (a session saved before detections carried keys) its English words as they are.
import { renderMessage } from '../i18n/message'
import type { Translate } from '../i18n/translate'
import type { Detected } from './sheet'

export function detectedReason(t: Translate, detected: Pick<Detected<unknown>, 'reason' | 'why'>): string {
  return detected.why ? renderMessage(t, detected.why) : detected.reason
}
