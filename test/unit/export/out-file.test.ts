// Where an export may be written: never over an existing file without --force, never over the
// run's source sheet or the journal (its files included), even with --force; put in place only
// when complete.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { errorText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { OutFileRefused, checkOutFile, commitOutFile, partialPathFor, type OutFileRules } from '../../../electron/main/export/out-file'

let dir: string
let rules: OutFileRules
const SOURCE = 'Order,Email\n1,a@example.com\n'

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderbatch-out-file-'))
  writeFileSync(join(dir, 'orders.csv'), SOURCE)
  writeFileSync(join(dir, 'journal.sqlite'), 'journal')
  rules = {
    force: false,
    journalPath: join(dir, 'journal.sqlite'),
    source: { name: 'orders.csv', sha256: createHash('sha256').update(SOURCE).digest('hex'), size: Buffer.byteLength(SOURCE) }
  }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const refused = (path: string, over: Partial<OutFileRules> = {}) => checkOutFile(path, { ...rules, ...over })

describe('checkOutFile', () => {
  it('lets a new file be written', async () => {
    await expect(refused(join(dir, 'results.csv'))).resolves.toBeUndefined()
  })

  it('refuses an existing file without --force and names it', async () => {
    writeFileSync(join(dir, 'results.csv'), 'old')
    await expect(refused(join(dir, 'results.csv'), { shown: 'results.csv' })).rejects.toThrow(/^results\.csv already exists\. Pass --force to replace it/)
    await expect(refused(join(dir, 'results.csv'), { force: true })).resolves.toBeUndefined()
  })

  it('words its refusal in Russian from its key', async () => {
    writeFileSync(join(dir, 'results.csv'), 'old')
    const error = await refused(join(dir, 'results.csv'), { shown: 'results.csv' }).catch((e: unknown) => e)
    expect(errorText(translatorFor('ru'), error)).toBe('results.csv уже существует. Добавьте --force, чтобы заменить его, или выберите другое имя файла.')
  })

  it('never replaces the source sheet, even with --force, however it is reached', async () => {
    const source = join(dir, 'orders.csv')
    await expect(refused(source, { force: true })).rejects.toThrow(/is the run's own source sheet \(orders\.csv, same size and sha256\).*even with --force/)
    // A copy under another name is still the user's original sheet.
    mkdirSync(join(dir, 'copy'))
    writeFileSync(join(dir, 'copy', 'other.csv'), SOURCE)
    await expect(refused(join(dir, 'copy', 'other.csv'), { force: true })).rejects.toBeInstanceOf(OutFileRefused)
    symlinkSync(source, join(dir, 'link.csv'))
    await expect(refused(join(dir, 'link.csv'), { force: true })).rejects.toBeInstanceOf(OutFileRefused)
    // The same size but other bytes is not the source.
    writeFileSync(join(dir, 'same-size.csv'), SOURCE.replace('a@', 'b@'))
    await expect(refused(join(dir, 'same-size.csv'), { force: true })).resolves.toBeUndefined()
  })

  it('never writes the journal or its files, even with --force or through a link', async () => {
    for (const name of ['journal.sqlite', 'journal.sqlite-wal', 'journal.sqlite-shm', 'journal.sqlite.lock']) {
      await expect(refused(join(dir, name), { force: true })).rejects.toThrow(/is the journal \(or one of its files\)/)
    }
    symlinkSync(join(dir, 'journal.sqlite'), join(dir, 'j-link.xlsx'))
    await expect(refused(join(dir, 'j-link.xlsx'), { force: true })).rejects.toThrow(/is the journal/)
    mkdirSync(join(dir, 'sub'))
    await expect(refused(join(dir, 'sub', '..', 'journal.sqlite'), { force: true })).rejects.toThrow(/is the journal/)
    linkSync(join(dir, 'journal.sqlite'), join(dir, 'hard.csv'))
    // A hard link has its own path; it is still refused as an existing file without --force.
    await expect(refused(join(dir, 'hard.csv'))).rejects.toThrow(/already exists/)
  })

  it('refuses a folder', async () => {
    mkdirSync(join(dir, 'folder.csv'))
    await expect(refused(join(dir, 'folder.csv'), { force: true })).rejects.toThrow(/exists and is not a file/)
  })
})

describe('commitOutFile', () => {
  it('puts the finished file in place and removes the partial one', () => {
    const out = join(dir, 'results.csv')
    const partial = partialPathFor(out)
    writeFileSync(partial, 'new')
    commitOutFile(partial, out, false)
    expect(readFileSync(out, 'utf8')).toBe('new')
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([])
  })

  it('without --force never replaces a file that appeared meanwhile', () => {
    const out = join(dir, 'results.csv')
    const partial = partialPathFor(out)
    writeFileSync(partial, 'new')
    writeFileSync(out, 'theirs')
    expect(() => commitOutFile(partial, out, false, 'results.csv')).toThrow(/results\.csv already exists/)
    expect(readFileSync(out, 'utf8')).toBe('theirs')
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([])
  })

  it('with --force replaces the file', () => {
    const out = join(dir, 'results.csv')
    const partial = partialPathFor(out)
    writeFileSync(partial, 'new')
    writeFileSync(out, 'old')
    commitOutFile(partial, out, true)
    expect(readFileSync(out, 'utf8')).toBe('new')
  })
})
