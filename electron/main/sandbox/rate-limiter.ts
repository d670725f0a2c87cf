// Code 8 is documented (in client code) as a per-address limit. The sandbox counts the requests
// it accepted from each address over the last second; refused ones do not count, so a client
// that backs off for a second gets through again.
const WINDOW_MS = 1000

export class RateLimiter {
  private readonly accepted = new Map<string, number[]>()

  constructor(private readonly perSecond: number, private readonly now: () => number) {}

  allow(client: string): boolean {
    if (this.perSecond <= 0) return true
    const now = this.now()
    const recent = (this.accepted.get(client) ?? []).filter((at) => now - at < WINDOW_MS)
    const allowed = recent.length < this.perSecond
    if (allowed) recent.push(now)
    if (recent.length > 0) this.accepted.set(client, recent)
    else this.accepted.delete(client)
    return allowed
  }
}
