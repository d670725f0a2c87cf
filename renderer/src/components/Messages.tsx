// One clear sentence: errors interrupt (role=alert), confirmations do not (role=status).
import { TID } from '../test-ids'

export function ErrorMessage({ message, testId = TID.errorMessage }: { message: string | null; testId?: string }) {
  if (!message) return null
  return <p className="message message-error" role="alert" data-testid={testId}>{message}</p>
}

/** Always in the DOM, so screen readers have the live region before its words arrive. */
export function StatusMessage({ message, testId }: { message: string | null; testId?: string }) {
  return <p className={message ? 'message message-status' : 'visually-hidden'} role="status" data-testid={testId}>{message}</p>
}
