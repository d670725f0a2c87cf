// The journal, opened on first use (a journal held by another Orderbatch must not stop the app
// from starting: the screens that need it say so instead) and closed at shutdown.
import { Journal } from '../journal'
import { msg } from '#shared/i18n/message'

const STALE_RUN_NOTE = msg('runNote.stale')

export class JournalHolder {
  private journal: Journal | null = null

  constructor(
    readonly path: string,
    private readonly now: () => number
  ) {}

  get(): Journal {
    if (this.journal) return this.journal
    const journal = Journal.open(this.path, { now: this.now })
    try {
      this.pauseStaleRuns(journal)
    } catch (error) {
      journal.close()
      throw error
    }
    this.journal = journal
    return journal
  }

  close(): void {
    this.journal?.close()
    this.journal = null
  }

  /** We hold the journal's lock, so no sender is running: a run marked 'running' was cut off. */
  private pauseStaleRuns(journal: Journal): void {
    for (const run of journal.listRuns()) {
      if (run.status === 'running') journal.setRunStatus(run.id, 'paused', STALE_RUN_NOTE)
    }
  }
}
