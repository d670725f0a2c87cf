// Run statuses in words, where a run went, and which runs can go on.
import type { RunSummary } from '#shared/ipc/contract'
import type { Translate } from '../../lib/i18n'

export function statusWords(status: RunSummary['status'], t: Translate): string {
  return t(`history.status.${status}`)
}

/** "Sandbox" for the built-in sandbox (its address changes every start), else login and address. */
export function destinationWords(run: Pick<RunSummary, 'sandbox' | 'login' | 'apiBase'>, t: Translate): string {
  return run.sandbox ? t('history.sandbox') : t('history.shopAt', { login: run.login, address: run.apiBase })
}

/** A run that did not end on purpose can be resumed: its waiting orders are still queued. */
export function canResume(run: RunSummary): boolean {
  return run.status === 'running' || run.status === 'paused' || run.status === 'stopped' || run.status === 'staged'
}
