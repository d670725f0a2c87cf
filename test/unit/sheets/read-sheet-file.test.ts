import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parseSheetBytes, readSheetFile } from '../../../electron/main/sheets/read-sheet'
import { tempFolder } from './helpers'

const folder = tempFolder()
afterAll(() => folder.remove())

const GROUPED = fileURLToPath(new URL('../../../resources/samples/orders-grouped.xlsx', import.meta.url))

function bigCsv(rows: number): string {
  const lines = ['Order,Email,Price,Comment']
  for (let i = 0; i < rows; i++) lines.push(`${100000 + i},buyer${i}@example.com,${i % 1000}.50,"note ${i}, with a comma"`)
  return lines.join('\r\n')
}

describe('readSheetFile (worker thread)', () => {
  it('gets a text file in batches of records and makes the same table as reading it in-process', async () => {
    // Title rows above the header, blank lines, and a cell spanning lines, around the batch size.
    const lines = ['Orders export', '', bigCsv(9000).replace('note 5000, with a comma', 'note\r\non two lines'), '', '']
    const text = lines.join('\r\n')
    const path = folder.write('batches.csv', text)
    const outcome = await readSheetFile(path)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const inProcess = parseSheetBytes(new TextEncoder().encode(text), 'batches.csv')
    expect(outcome.value).toEqual(inProcess)
    expect(outcome.value.meta.headerRow.value).toBe(3)
    expect(outcome.value.table.rows).toHaveLength(9000)
    expect(outcome.value.table.rowNumbers.at(-1)).toBe(9003)
  })

  it('reads the bytes the caller hands over (moved to the worker, not read from the file again)', async () => {
    const text = bigCsv(3000)
    const path = folder.write('handed.csv', text)
    // The same length as the file, other values: the table shows which the worker read.
    const handed = new TextEncoder().encode(text.replaceAll('example.com', 'example.org'))
    const outcome = await readSheetFile(path, { bytes: handed })
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.value.table.rows[0]![1]).toBe('buyer0@example.org')
    expect(outcome.value).toEqual(parseSheetBytes(new TextEncoder().encode(text.replaceAll('example.com', 'example.org')), 'handed.csv'))
    // Moved, not copied: the caller's view is empty now.
    expect(handed.byteLength).toBe(0)
    // A view of part of a buffer (a pooled Buffer) is not moved: the worker reads the file.
    const pooled = Buffer.concat([Buffer.from('x'), Buffer.from(text.replaceAll('example.com', 'example.org'))]).subarray(1)
    const fromFile = await readSheetFile(path, { bytes: pooled })
    expect(fromFile.ok && fromFile.value.table.rows[0]![1]).toBe('buyer0@example.com')
    expect(pooled.byteLength).toBe(text.length)
  })

  it('drops the batches already sent when the file turns out to be broken at its end', async () => {
    const path = folder.write('unclosed.csv', `${bigCsv(9000)}\r\n1,a@x.com,1,"never closed`)
    expect(await readSheetFile(path)).toMatchObject({ ok: false, error: { code: 'malformed', file: 'unclosed.csv' } })
  })

  it('says so when a text file has a header but no data rows, from records sent in batches', async () => {
    const path = folder.write('header-only.csv', 'Email,Product\r\n\r\n')
    expect(await readSheetFile(path)).toMatchObject({ ok: false, error: { code: 'no-data', file: 'header-only.csv' } })
  })

  it('reads a workbook in a worker and passes the options through', async () => {
    const outcome = await readSheetFile(GROUPED, { sheet: 'Products' })
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.value.meta).toMatchObject({ file: 'orders-grouped.xlsx', format: 'xlsx', sheet: 'Products', sheetNames: ['Orders', 'Products'] })
    // Formatted numbers survive the structured clone from the worker.
    expect(outcome.value.table.rows[0]![2]).toMatchObject({ v: 4900, z: '#,##0.00 "₽"' })
  })

  it('returns the parse error of a hostile file as a value', async () => {
    const path = folder.write('orders.xlsx', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))
    expect(await readSheetFile(path)).toEqual({
      ok: false,
      error: {
        code: 'unsupported',
        file: 'orders.xlsx',
        message: 'orders.xlsx: the file is a PDF document, not a spreadsheet. Choose the Excel workbook or CSV file that holds the orders.',
        // The same line as a key and values crosses the worker boundary, for the reader's language.
        localized: { key: 'sheet.error', params: { file: 'orders.xlsx', problem: { key: 'sheet.notSheet', params: { what: { key: 'sheet.kind.pdf' } } } } }
      }
    })
  })

  it('answers missing files, folders, empty and oversized files before starting a worker', async () => {
    expect(await readSheetFile(folder.path('nope.csv'))).toMatchObject({ ok: false, error: { code: 'not-found', file: 'nope.csv' } })
    expect(await readSheetFile(folder.path(''))).toMatchObject({ ok: false, error: { code: 'unreadable' } })
    expect(await readSheetFile(folder.write('empty.csv', ''))).toMatchObject({ ok: false, error: { code: 'empty' } })
    const big = folder.write('big.csv', 'a,b\n1,2\n'.repeat(50))
    const tooLarge = await readSheetFile(big, { limits: { maxFileBytes: 64 } })
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'too-large', file: 'big.csv' } })
    if (!tooLarge.ok) expect(tooLarge.error.message).toBe('big.csv: the file is 400 bytes, more than the 64 bytes this app reads at once. Raise the limit (--max-file-size in the command line, "Largest file" in the settings) if the computer has the memory, or split the file into smaller ones.')
  })

  it('stops a read that runs past the time limit', async () => {
    const path = folder.write('slow.csv', bigCsv(50_000))
    const outcome = await readSheetFile(path, { limits: { timeoutMs: 1 } })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timeout', file: 'slow.csv' } })
    if (!outcome.ok) expect(outcome.error.message).toContain('took longer than')
  })

  it('stops when cancelled, before or during the read', async () => {
    const path = folder.write('cancel.csv', bigCsv(1000))
    const before = new AbortController()
    before.abort()
    expect(await readSheetFile(path, { signal: before.signal })).toMatchObject({ ok: false, error: { code: 'timeout' } })
    const during = new AbortController()
    const pending = readSheetFile(path, { signal: during.signal })
    setTimeout(() => during.abort(), 0)
    const outcome = await pending
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.message).toBe('cancel.csv: reading the file was cancelled before it finished. Open the file again to read it.')
  })

  it('refuses a file too big for the memory allowed before decoding it', async () => {
    // 16 MB of memory take files up to 4 MB, whatever the file size limit says; decoding this one
    // would end the whole process.
    const path = folder.write('big-text.csv', bigCsv(100_000))
    const outcome = await readSheetFile(path, { limits: { maxHeapMb: 16, maxFileBytes: 1024 * 1024 * 1024 } })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'out-of-memory', file: 'big-text.csv' } })
    expect(outcome.ok ? '' : outcome.error.message).toContain('16 MB')
  })

  it('survives a worker that runs out of memory', async () => {
    // Text files and Excel workbooks leave the worker in batches; an .xls (here an HTML table, as
    // web shops export them) is read whole in it.
    const rows = Array.from({ length: 60_000 }, (_, i) => `<tr><td>${100000 + i}</td><td>buyer${i}@example.com</td><td>${i % 1000}</td><td>note ${i}, with a comma</td></tr>`)
    const path = folder.write('huge.xls', `<html><body><table><tr><td>Order</td><td>Email</td><td>Price</td><td>Comment</td></tr>${rows.join('')}</table></body></html>`)
    const outcome = await readSheetFile(path, { limits: { maxHeapMb: 16, maxFileBytes: 1024 * 1024 * 1024 } })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'out-of-memory', file: 'huge.xls' } })
  })
})
