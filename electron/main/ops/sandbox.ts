// The built-in sandbox a journal's sandbox runs are sent to, for both front-ends: the default
// account and key, and its shop in the file beside the journal (sandboxShopPath), so a later
// command, the app after a restart, resume, reconciliation and undo all see the orders an earlier
// one created there.
import { SANDBOX_DEFAULT_ACCOUNT, SANDBOX_DEFAULT_SECRET } from '../sandbox/defaults'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox'
import { sandboxShopPath } from './paths'

export function startJournalSandbox(journalPath: string, options: { products?: SandboxOptions['products'] } = {}): Promise<Sandbox> {
  return startSandbox({
    account: SANDBOX_DEFAULT_ACCOUNT,
    secret: SANDBOX_DEFAULT_SECRET,
    ledgerPath: sandboxShopPath(journalPath),
    ...(options.products ? { products: options.products } : {})
  })
}
