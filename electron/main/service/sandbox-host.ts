// The built-in "Sandbox" connection: one in-process stand-in for the shop API, started the first
// time something needs it. Its shop is a file next to the journal (where the CLI keeps it too), so
// sandbox runs can be paused, resumed, reconciled and undone across restarts like real ones.
import { startJournalSandbox } from '../ops/sandbox'
import { SANDBOX_DEFAULT_ACCOUNT, SANDBOX_DEFAULT_SECRET } from '../sandbox/defaults'
import type { Sandbox } from '../sandbox/sandbox'
import type { SandboxProduct } from '../sandbox/catalog'

export const SANDBOX_LOGIN = SANDBOX_DEFAULT_ACCOUNT
/** Public: the sandbox guards nothing. */
export const SANDBOX_SECRET = SANDBOX_DEFAULT_SECRET

export class SandboxHost {
  private starting: Promise<Sandbox> | null = null

  /** products: when set, the sandbox shop sells only these (any other good answers 604) and
   * GetAllGoods lists them (with titles, prices and types when given). */
  constructor(
    private readonly journalPath: string,
    private readonly products?: ReadonlyArray<string | SandboxProduct>
  ) {}

  /** The running sandbox, started on first use. */
  get(): Promise<Sandbox> {
    if (!this.starting) {
      this.starting = startJournalSandbox(this.journalPath, this.products ? { products: this.products } : {})
      // A failed start is retried on the next use instead of being remembered forever.
      this.starting.catch(() => {
        this.starting = null
      })
    }
    return this.starting
  }

  async close(): Promise<void> {
    const starting = this.starting
    this.starting = null
    if (!starting) return
    try {
      await (await starting).close()
    } catch {
      // It never started: nothing to close.
    }
  }
}
