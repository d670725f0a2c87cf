// Transport faults for the crash-safety tests (reliability.md §5.2-§5.3). "before" faults never
// reach the order logic; "after" faults let CreateOrder run (so a valid request creates its
// order) and then spoil the answer.
export const SANDBOX_FAULTS = [
  'drop-after-create',
  'hang-after-create',
  'http500-before',
  'http500-after',
  'http502-before',
  'http502-after',
  'truncated-body',
  'reset-before'
] as const
export type SandboxFault = (typeof SANDBOX_FAULTS)[number]

export function isBeforeFault(fault: SandboxFault | undefined): boolean {
  return fault === 'reset-before' || fault === 'http500-before' || fault === 'http502-before'
}

export function faultStatus(fault: SandboxFault): 500 | 502 | undefined {
  if (fault === 'http500-before' || fault === 'http500-after') return 500
  if (fault === 'http502-before' || fault === 'http502-after') return 502
  return undefined
}
