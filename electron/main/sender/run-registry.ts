// One sender per run at a time in this process: two loops over the same queue would each trust
// their own view of what is in flight.
const active = new Set<string>()

export function claimRun(key: string): boolean {
  if (active.has(key)) return false
  active.add(key)
  return true
}

export function releaseRun(key: string): void {
  active.delete(key)
}
