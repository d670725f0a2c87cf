// What happens to an error nobody caught in main: its details go to a log file in the data folder
// (rotated, so it never grows without end), and the user sees one plain message saying where that
// file is; never a stack trace. The journal commits every step, so a run that was sending stays
// resumable from History. Native crashes are Electron's crashReporter's, with uploadToServer off
// and the dumps in the data folder too (crashPaths).
import { translatorFor, type Translate } from '#shared/i18n/translate'
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface CrashPaths {
  /** Where crashReporter writes minidumps (app.setPath('crashDumps', ...)). */
  dumps: string
  /** The folder of the log files. */
  logs: string
  /** The current log file; older ones are main.1.log, main.2.log... */
  logFile: string
}

export function crashPaths(userDataDir: string): CrashPaths {
  const logs = join(userDataDir, 'logs')
  return { dumps: join(userDataDir, 'crashes'), logs, logFile: join(logs, 'main.log') }
}

export interface RotatingLog {
  readonly path: string
  write(text: string): void
}

/** Appends to `path`; when the file would pass maxBytes it becomes path.1 (path.1 becomes .2, ...),
 * keeping `keep` old files. */
export function createRotatingLog(path: string, options: { maxBytes?: number; keep?: number; now?: () => Date } = {}): RotatingLog {
  const maxBytes = options.maxBytes ?? 1_000_000
  const keep = options.keep ?? 3
  const now = options.now ?? (() => new Date())
  const old = (n: number): string => path.replace(/(\.log)?$/, `.${n}$1`)
  const rotate = (): void => {
    rmSync(old(keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) if (existsSync(old(n))) renameSync(old(n), old(n + 1))
    renameSync(path, old(1))
  }
  return {
    path,
    write(text) {
      const entry = `[${now().toISOString()}] ${text.endsWith('\n') ? text : `${text}\n`}`
      mkdirSync(join(path, '..'), { recursive: true })
      if (existsSync(path) && statSync(path).size + Buffer.byteLength(entry) > maxBytes) rotate()
      appendFileSync(path, entry)
    }
  }
}

/** The plain message a user sees; the details are in the log. */
export function crashMessage(logPath: string, t: Translate = translatorFor('en')): { title: string; message: string; detail: string } {
  return {
    title: t('shell.crash.title'),
    message: t('shell.crash.message'),
    detail: t('shell.crash.detail', { path: logPath })
  }
}

export interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

function details(kind: string, error: unknown): string {
  if (error instanceof Error) return `${kind}: ${error.stack ?? `${error.name}: ${error.message}`}`
  return `${kind}: ${String(error)}`
}

/** Registers the handlers; `show` tells the user (once per burst: a second error while the first
 * message is open is only logged). */
export function captureUncaughtErrors(proc: ProcessLike, log: RotatingLog, show: (text: ReturnType<typeof crashMessage>) => Promise<void> | void, t?: () => Translate): void {
  let showing = false
  const handle = (kind: string) => (error: unknown) => {
    try {
      log.write(details(kind, error))
    } catch {
      // The disk is full or the folder is gone: the message below still goes out.
    }
    if (showing) return
    showing = true
    void Promise.resolve()
      .then(() => show(crashMessage(log.path, t?.())))
      .catch(() => undefined)
      .finally(() => {
        showing = false
      })
  }
  proc.on('uncaughtException', handle('Uncaught exception'))
  proc.on('unhandledRejection', handle('Unhandled rejection'))
}
