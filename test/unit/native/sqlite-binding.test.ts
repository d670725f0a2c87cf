import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { msg } from '#shared/i18n/message'
import { Journal, JournalError } from '../../../electron/main/journal'
import {
  chooseSqliteBinding,
  configureSqliteBinding,
  electronBindingPath,
  FIX_ELECTRON_COMMAND,
  loadFailure,
  openSqliteDatabase,
  SqliteBindingError,
  type BindingChoice,
  type BindingFiles
} from '../../../electron/main/native/sqlite-binding'

const root = join('/home', 'me', 'orderbatch')
const electronModule = join(root, 'out', 'native', 'electron', 'better_sqlite3.node')
const buildInfo = join(root, 'out', 'native', 'electron', 'build-info.json')

function files(contents: Record<string, string>): BindingFiles {
  return {
    exists: (path) => path in contents,
    readText: (path) => {
      const text = contents[path]
      if (text === undefined) throw new Error(`no ${path}`)
      return text
    }
  }
}

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ob-binding-'))
  dirs.push(dir)
  return dir
}

afterEach(() => {
  configureSqliteBinding(chooseSqliteBinding({ electronVersion: undefined, appRoot: root }))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('which better-sqlite3 module a process loads', () => {
  it('under Node (the CLI, the tests): better-sqlite3 own build, whatever is in out/native', () => {
    const choice = chooseSqliteBinding({ electronVersion: undefined, appRoot: root }, files({ [electronModule]: 'x' }))
    expect(choice).toEqual({ nativeBinding: undefined, problem: null, fix: 'npm rebuild better-sqlite3' })
  })

  it('under Electron: the build kept apart in out/native/electron', () => {
    const info = JSON.stringify({ electron: '39.2.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' })
    const choice = chooseSqliteBinding({ electronVersion: '39.2.0', appRoot: root }, files({ [electronModule]: 'x', [buildInfo]: info }))
    expect(choice).toEqual({ nativeBinding: electronModule, problem: null, fix: FIX_ELECTRON_COMMAND })
  })

  it('a packaged app reads it from app.asar.unpacked, where asarUnpack puts it', () => {
    const asar = join('/opt', 'Orderbatch', 'resources', 'app.asar')
    expect(electronBindingPath(asar)).toBe(join('/opt', 'Orderbatch', 'resources', 'app.asar.unpacked', 'out', 'native', 'electron', 'better_sqlite3.node'))
    const choice = chooseSqliteBinding({ electronVersion: '39.2.0', appRoot: asar }, files({ [electronBindingPath(asar)]: 'x' }))
    expect(choice.nativeBinding).toBe(electronBindingPath(asar))
    expect(choice.problem).toBeNull()
  })

  it('under Electron without the build: a problem naming the command that makes it', () => {
    const choice = chooseSqliteBinding({ electronVersion: '39.2.0', appRoot: root }, files({}))
    expect(choice.problem).toContain(electronModule)
    expect(choice.problem).toContain('`npm run native:electron`')
  })

  it('a build for another Electron version is refused with the same fix', () => {
    const info = JSON.stringify({ electron: '38.0.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' })
    const choice = chooseSqliteBinding({ electronVersion: '39.2.0', appRoot: root }, files({ [electronModule]: 'x', [buildInfo]: info }))
    expect(choice.problem).toContain('built for Electron 38.0.0, but this is Electron 39.2.0')
    expect(choice.problem).toContain('`npm run native:electron`')
  })

  it('a packaged app missing its module says to reinstall, not to run npm', () => {
    const choice = chooseSqliteBinding({ electronVersion: '39.2.0', appRoot: '/opt/Orderbatch/resources/app.asar' }, files({}))
    expect(choice.problem).toContain('Reinstall Orderbatch')
    expect(choice.problem).not.toContain('npm')
  })
})

describe('opening a database with the chosen module', () => {
  it('the Node build still loads for the CLI', () => {
    const db = openSqliteDatabase(':memory:')
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.any(String) })
    db.close()
  })

  it('a file that is not a native module for this runtime gives a plain message with the fix, no stack', () => {
    const dir = tempDir()
    const fake = join(dir, 'better_sqlite3.node')
    writeFileSync(fake, 'this is not a shared library')
    const choice: BindingChoice = { nativeBinding: fake, problem: null, fix: FIX_ELECTRON_COMMAND }
    let thrown: unknown
    try {
      openSqliteDatabase(':memory:', {}, choice)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(SqliteBindingError)
    const message = (thrown as Error).message
    expect(message).toContain(fake)
    expect(message).toContain('Run `npm run native:electron` in the Orderbatch folder')
    expect(message).not.toMatch(/\n\s+at /)
  })

  it('a module built for another NODE_MODULE_VERSION is told in those words', () => {
    const error = Object.assign(
      new Error(
        "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. " +
          'This version of Node.js requires NODE_MODULE_VERSION 140. Please try re-compiling or re-installing'
      ),
      { code: 'ERR_DLOPEN_FAILED' }
    )
    expect(loadFailure(error)).toBe('it was built for another runtime (NODE_MODULE_VERSION 115; this one needs 140)')
    expect(loadFailure(new Error('SQLITE_CANTOPEN'))).toBeNull()
  })

  it('the journal opened by the app with a missing Electron build fails with that message, as a JournalError', () => {
    const dir = tempDir()
    configureSqliteBinding(chooseSqliteBinding({ electronVersion: '39.2.0', appRoot: dir }))
    let thrown: unknown
    try {
      Journal.open(join(dir, 'journal.sqlite')).close()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(JournalError)
    expect((thrown as JournalError).code).toBe('cannot-open')
    expect((thrown as Error).message).toContain('`npm run native:electron`')
    // Back to the Node build: the same journal opens.
    configureSqliteBinding(chooseSqliteBinding({ electronVersion: undefined, appRoot: dir }))
    const journal = Journal.open(join(dir, 'journal.sqlite'))
    expect(journal.listRuns()).toEqual([])
    journal.close()
  })
})

describe('the app service says it plainly', () => {
  it('a module that will not load becomes a message with the fix, not "an internal problem"', async () => {
    const { toIpcError } = await import('../../../electron/main/service/errors')
    const error = new SqliteBindingError('The database module built for Electron is missing (x). Run `npm run native:electron` in the Orderbatch folder.')
    expect(toIpcError(error, msg('action.connection.test'))).toEqual({ code: 'native-module', message: error.message })
  })
})
