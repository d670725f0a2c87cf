// Which better-sqlite3 native module this process loads. `npm install` builds (or downloads) it
// for Node's ABI, which the CLI and the tests need; Electron refuses a module built for another
// NODE_MODULE_VERSION. So the app loads a second copy built for Electron and kept apart in
// out/native/electron (made by `npm run native:electron`, which `npm start`, `npm run dev` and
// `npm run dist` run first), through better-sqlite3's `nativeBinding` option. Under Node nothing
// changes. The composition root configures the choice once; every SQLite file (the journal, the
// sandbox shop) is opened through openSqliteDatabase, so the engine never asks Electron itself.
import { existsSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as SqliteDatabase, Options as SqliteOptions } from 'better-sqlite3'

/** Where the Electron build lives, relative to the app's root (the folder of package.json, or app.asar). */
export const ELECTRON_NATIVE_DIR = join('out', 'native', 'electron')
export const NATIVE_MODULE_FILE = 'better_sqlite3.node'
/** Written beside the module by the build script: which Electron it was built for. */
export const NATIVE_BUILD_INFO_FILE = 'build-info.json'
export const FIX_ELECTRON_COMMAND = 'npm run native:electron'
export const FIX_NODE_COMMAND = 'npm rebuild better-sqlite3'

export interface NativeBuildInfo {
  electron: string
  betterSqlite3: string
  platform: string
  arch: string
}

export interface BindingRuntime {
  /** process.versions.electron; undefined under plain Node. */
  electronVersion: string | undefined
  /** The app's root: the project folder while developing, .../resources/app.asar when packaged. */
  appRoot: string
}

export interface BindingFiles {
  exists(path: string): boolean
  readText(path: string): string
}

export interface BindingChoice {
  /** The file given to better-sqlite3 as nativeBinding; undefined: its own build (Node). */
  nativeBinding: string | undefined
  /** Why the app cannot open a database, in plain words with the command that fixes it. */
  problem: string | null
  /** The command that fixes a module that does not load. */
  fix: string
}

const NODE_CHOICE: BindingChoice = { nativeBinding: undefined, problem: null, fix: FIX_NODE_COMMAND }

const nodeFiles: BindingFiles = {
  exists: (path) => existsSync(path),
  readText: (path) => readFileSync(path, 'utf8')
}

/** The Electron build's path. Native modules cannot be loaded from inside an asar archive, so
 * a packaged app reads it from app.asar.unpacked (where asarUnpack puts it). */
export function electronBindingPath(appRoot: string): string {
  const root = appRoot.endsWith('.asar') ? `${appRoot}.unpacked` : appRoot.replace(`.asar${sep}`, `.asar.unpacked${sep}`)
  return join(root, ELECTRON_NATIVE_DIR, NATIVE_MODULE_FILE)
}

export function chooseSqliteBinding(runtime: BindingRuntime, files: BindingFiles = nodeFiles): BindingChoice {
  if (runtime.electronVersion === undefined) return NODE_CHOICE
  const packaged = runtime.appRoot.includes('.asar')
  const fix = packaged ? 'reinstall Orderbatch' : FIX_ELECTRON_COMMAND
  const path = electronBindingPath(runtime.appRoot)
  if (!files.exists(path)) {
    return {
      nativeBinding: path,
      fix,
      problem: packaged
        ? `Orderbatch's database module is missing from this installation (${path}). Reinstall Orderbatch.`
        : `The database module built for Electron is missing (${path}). Run \`${FIX_ELECTRON_COMMAND}\` in the Orderbatch folder (it needs the network once), then start the app again.`
    }
  }
  const info = readBuildInfo(join(path, '..', NATIVE_BUILD_INFO_FILE), files)
  if (info && info.electron !== runtime.electronVersion) {
    return {
      nativeBinding: path,
      fix,
      problem:
        `The database module in ${path} was built for Electron ${info.electron}, but this is Electron ${runtime.electronVersion}. ` +
        (packaged ? 'Reinstall Orderbatch.' : `Run \`${FIX_ELECTRON_COMMAND}\` in the Orderbatch folder, then start the app again.`)
    }
  }
  return { nativeBinding: path, problem: null, fix }
}

function readBuildInfo(path: string, files: BindingFiles): NativeBuildInfo | null {
  if (!files.exists(path)) return null
  try {
    const value = JSON.parse(files.readText(path)) as Partial<NativeBuildInfo>
    return typeof value.electron === 'string' ? (value as NativeBuildInfo) : null
  } catch {
    return null
  }
}

/** The native module could not be used: the message says what happened and which command fixes it. */
export class SqliteBindingError extends Error {
  override readonly name = 'SqliteBindingError'
}

let current: BindingChoice = NODE_CHOICE

/** Called once by the app's composition root; the CLI and the tests keep the Node default. */
export function configureSqliteBinding(choice: BindingChoice): void {
  current = choice
}

export function currentSqliteBinding(): BindingChoice {
  return current
}

/** better-sqlite3's `new Database` with the configured native module. A module that is missing
 * or built for another runtime becomes a SqliteBindingError naming the fix, never a raw dlopen
 * error. */
export function openSqliteDatabase(path: string, options: SqliteOptions = {}, choice: BindingChoice = current): SqliteDatabase {
  if (choice.problem !== null) throw new SqliteBindingError(choice.problem)
  try {
    return new Database(path, choice.nativeBinding === undefined ? options : { ...options, nativeBinding: choice.nativeBinding })
  } catch (error) {
    const failure = loadFailure(error)
    if (failure === null) throw error
    throw new SqliteBindingError(
      `Orderbatch could not load its database module${choice.nativeBinding ? ` (${choice.nativeBinding})` : ''}: ${failure}. ` +
        `Run \`${choice.fix}\`${choice.fix.startsWith('npm') ? ' in the Orderbatch folder' : ''}, then try again.`,
      { cause: error }
    )
  }
}

/** A plain reason when `error` is a native module that would not load, else null. */
export function loadFailure(error: unknown): string | null {
  if (!(error instanceof Error)) return null
  const code = (error as { code?: unknown }).code
  const message = error.message
  const versions = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(message)
  if (versions) return `it was built for another runtime (NODE_MODULE_VERSION ${versions[1]}; this one needs ${versions[2]})`
  if (code === 'ERR_DLOPEN_FAILED' || /invalid ELF header|not a valid Win32 application|slice is not valid mach-o|wrong ELF class|mach-o file/i.test(message)) {
    return 'the file is not a native module for this computer'
  }
  if (code === 'MODULE_NOT_FOUND' || /Could not locate the bindings file|Cannot find module/i.test(message)) return 'the file is missing'
  return null
}
