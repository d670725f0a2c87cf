import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { crashMessage} from '../../../electron/main/desktop/crash-log';
import { captureUncaughtErrors, crashPaths, createRotatingLog, type ProcessLike } from '../../../electron/main/desktop/crash-log'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ob-crash-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('crash capture', () => {
  it('keeps dumps and logs in the data folder', () => {
    const paths = crashPaths(join('/data', 'Orderbatch'))
    expect(paths).toEqual({
      dumps: join('/data', 'Orderbatch', 'crashes'),
      logs: join('/data', 'Orderbatch', 'logs'),
      logFile: join('/data', 'Orderbatch', 'logs', 'main.log')
    })
  })

  it('an uncaught error in main goes to the log with its stack; the user gets a plain message with the log path', async () => {
    const dir = tempDir()
    const log = createRotatingLog(crashPaths(dir).logFile)
    const proc = new EventEmitter()
    const shown: Array<ReturnType<typeof crashMessage>> = []
    captureUncaughtErrors(proc as unknown as ProcessLike, log, (text) => {
      shown.push(text)
    })
    proc.emit('uncaughtException', new TypeError('cannot read properties of undefined'))
    await new Promise((resolve) => setImmediate(resolve))
    const written = readFileSync(log.path, 'utf8')
    expect(written).toContain('Uncaught exception: TypeError: cannot read properties of undefined')
    expect(written).toMatch(/\n\s+at /)
    expect(shown).toHaveLength(1)
    const text = shown[0]
    expect(text?.detail).toContain(log.path)
    expect(text?.detail).toMatch(/resumed from History/)
    expect(JSON.stringify(text)).not.toMatch(/TypeError|\bat \w/)

    proc.emit('unhandledRejection', 'a plain reason')
    await new Promise((resolve) => setImmediate(resolve))
    expect(readFileSync(log.path, 'utf8')).toContain('Unhandled rejection: a plain reason')
  })

  it('rotates the log: it never passes its size, and keeps a few old files', () => {
    const dir = tempDir()
    const log = createRotatingLog(join(dir, 'main.log'), { maxBytes: 200, keep: 2, now: () => new Date(0) })
    for (let i = 0; i < 20; i++) log.write(`line ${i} ${'x'.repeat(40)}`)
    expect(readFileSync(join(dir, 'main.log')).length).toBeLessThanOrEqual(200)
    expect(existsSync(join(dir, 'main.1.log'))).toBe(true)
    expect(existsSync(join(dir, 'main.2.log'))).toBe(true)
    expect(existsSync(join(dir, 'main.3.log'))).toBe(false)
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 19')
  })
})
