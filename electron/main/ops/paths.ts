// Where Orderbatch keeps its data, for every front-end: the same folder for the desktop app, the
// browser host and the CLI, so a run started in one can be resumed in another. $ORDERBATCH_HOME
// moves that folder for all of them (tests, portable installs). Sandbox runs live in the same
// journal as shop runs (each run keeps its destination, so they never mix), and the sandbox's
// shop is a file beside that journal (sandboxShopPath).
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, posix, resolve, win32 } from 'node:path'
import { defaultJournalPath } from '../journal'
import { environmentLanguage, type Language } from '#shared/i18n/language'
import { translatorFor } from '#shared/i18n/translate'

/** The app name Electron derives userData from (the app sets it with app.setName). */
export const APP_NAME = 'Orderbatch'
/** Where versions before destinations kept CLI sandbox runs; only named in a note now. */
export const SANDBOX_JOURNAL_FILE = 'sandbox-journal.sqlite'
export const JOURNAL_ENV = 'ORDERBATCH_JOURNAL'
export const HOME_ENV = 'ORDERBATCH_HOME'

/** Where a path given by the user is read from, and the environment to read settings from. */
export interface PathContext {
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  /** Where a note for the person goes (the CLI's stderr); none in the app. */
  stderr?: (text: string) => void
  /** The language of that note (the CLI's --lang); else the environment's. */
  language?: Language
}

export interface PlatformInfo {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  home: string
}

/** Electron's app.getPath('userData') for an app named Orderbatch: appData + name, where appData
 * is %APPDATA% on Windows, ~/Library/Application Support on macOS and $XDG_CONFIG_HOME (when set
 * to an absolute path) or ~/.config elsewhere. */
export function defaultUserDataDir(info: Partial<PlatformInfo> = {}): string {
  const platform = info.platform ?? process.platform
  const env = info.env ?? process.env
  const chosen = env[HOME_ENV]
  if (chosen) return resolve(chosen)
  const home = info.home ?? ((platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir())
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_NAME)
  const xdg = env.XDG_CONFIG_HOME
  return posix.join(xdg && isAbsolute(xdg) ? xdg : posix.join(home, '.config'), APP_NAME)
}

/** --journal, else $ORDERBATCH_JOURNAL, else journal.sqlite in the data folder ($ORDERBATCH_HOME or the user-data folder): the same
 * file for sandbox runs and shop runs, as in the app (a run's destination keeps them apart). */
export function journalPathFor(io: PathContext, flag: string | undefined, sandbox: boolean): string {
  if (flag !== undefined) return resolve(io.cwd, flag)
  const fromEnv = io.env[JOURNAL_ENV]
  const path = fromEnv ? resolve(io.cwd, fromEnv) : defaultJournalPath(defaultUserDataDir({ env: io.env }))
  if (sandbox) noteOldSandboxJournal(io, path)
  return path
}

function noteOldSandboxJournal(io: PathContext, path: string): void {
  const old = resolve(path, '..', SANDBOX_JOURNAL_FILE)
  if (!existsSync(old)) return
  const t = translatorFor(io.language ?? environmentLanguage(io.env))
  io.stderr?.(`${t('paths.oldSandboxJournal', { path, old })}\n`)
}

/** The built-in sandbox keeps its shop next to the journal it serves, so resume, reconcile and
 * undo see the orders an earlier command created. */
export function sandboxShopPath(journalPath: string): string {
  return `${journalPath.replace(/\.sqlite$/i, '')}-shop.sqlite`
}
