import { join } from 'node:path'

/** Where the app keeps its journal when no --journal is given. */
export function defaultJournalPath(userDataDir: string): string {
  return join(userDataDir, 'journal.sqlite')
}
