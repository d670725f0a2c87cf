// The journal's public surface: the durable queue and audit trail of every import.
//
// Order states (each arrow is one flushed transaction; anything else throws JournalStateError):
//   pending --beginAttempt--> sending            (intent on disk before the first byte is sent)
//   sending --recordCreated--> succeeded         (final; raw answer kept in the same commit)
//   sending --recordFailed--> failed --requeueFailed (optionally corrected)--> pending
//   sending --recordRetry--> pending             (definitely not sent / rate limited; due at nextAttemptAt)
//   sending --recordUnknown--> unknown           (may exist in the shop; never sent automatically)
//   unknown --resolveCreated--> succeeded,  unknown --resolveAbsent--> pending
//   pending --skip--> skipped
//   at open: every 'sending' order becomes 'unknown' (Journal.recoveredSending says how many).
export { Journal } from './journal'
export type { JournalOptions } from './journal'
export { defaultJournalPath } from './paths'
export { JournalError, JournalLockedError, JournalStateError, JournalVersionError, isJournalError } from './errors'
export type { JournalErrorCode, LockHolder } from './errors'
export type { BegunAttempt, ResolveCreatedInput } from './transitions'
export type { BegunOrderAttempt, OutcomeEntry } from './batch'
export type { ExportExtent, ExportTuple } from './export-rows'
export type { OrderAfter } from './after-note'
export { LATEST_JOURNAL_VERSION, MIGRATIONS } from './migrations'
export type { Migration } from './migrations'
export type { DurabilityPragmas } from './pragmas'
export { RAW_ANSWER_LIMIT_BYTES } from './raw'
export { ATTEMPT_OUTCOMES, CLOSED_RUN_STATUSES, ORDER_STATES, RESOLVERS, RUN_STATUSES } from './types'
export type * from './types'
export { readRunInfo } from './run-info'
export { STATUS_STEP_STATES } from './status-steps'
export type { StatusAttemptRecord, StatusOutcome, StatusStepRecord, StatusStepState, StepStatus } from './status-steps'
export type { RunInfo, RunSource } from './run-info'
