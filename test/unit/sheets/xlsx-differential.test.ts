// The streamed XLSX reader against SheetJS, the reference it replaced: every XLSX fixture and a
// set of generated edge cases must give the same table (or the same refusal) through both.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import type { ReadResult, SheetReadOptions } from '#shared/sheet/sheet'
import { resolveLimits } from '../../../electron/main/sheets/limits'
import { parseSheetBytes } from '../../../electron/main/sheets/read-sheet'
import { readWorkbook } from '../../../electron/main/sheets/read-workbook'
import { isSheetReadError } from '../../../electron/main/sheets/sheet-error'
import { workbookBytes, zipBytes, type ZipPart } from './helpers'

const root = join(import.meta.dirname, '../../..')

type Outcome = { ok: true; value: ReadResult } | { ok: false; code: string; message: string }

function attempt(read: () => ReadResult): Outcome {
  try {
    return { ok: true, value: read() }
  } catch (error) {
    if (isSheetReadError(error)) return { ok: false, code: error.error.code, message: error.error.message }
    throw error
  }
}

/** Both readers on the same bytes: the app's path (streamed) and SheetJS. */
function both(bytes: Uint8Array, options: SheetReadOptions = {}, file = 'orders.xlsx'): { streamed: Outcome; sheetjs: Outcome } {
  const streamed = attempt(() => parseSheetBytes(bytes, file, options))
  const format = file.endsWith('.xlsm') ? 'xlsm' : 'xlsx'
  const sheetjs = attempt(() => readWorkbook(bytes, file, format, options, resolveLimits()))
  return { streamed, sheetjs }
}

function expectSame(bytes: Uint8Array, options: SheetReadOptions = {}, file = 'orders.xlsx'): Outcome {
  const { streamed, sheetjs } = both(bytes, options, file)
  expect(streamed).toEqual(sheetjs)
  return streamed
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value)
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml'

interface HandSheet { name: string; xml: string; state?: 'hidden' | 'veryHidden' }

/** A workbook written by hand, to reach what SheetJS's writer never writes. */
function handWorkbook(sheets: HandSheet[], extra: { strings?: string; styles?: string; date1904?: boolean } = {}): Uint8Array {
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: text(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
        `${extra.strings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` : ''}${extra.styles ? `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` : ''}</Types>`)
    },
    {
      name: 'xl/workbook.xml',
      data: text(`<?xml version="1.0"?><workbook ${NS}>${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`)
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`)
    },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: text(`<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>`) }))
  ]
  if (extra.strings) parts.push({ name: 'xl/sharedStrings.xml', data: text(`<?xml version="1.0"?><sst ${NS}>${extra.strings}</sst>`) })
  if (extra.styles) parts.push({ name: 'xl/styles.xml', data: text(`<?xml version="1.0"?><styleSheet ${NS}>${extra.styles}</styleSheet>`) })
  return zipBytes(parts)
}

const STYLES = '<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00&quot; ₽&quot;"/><numFmt numFmtId="165" formatCode="dd.mm.yyyy hh:mm"/><numFmt numFmtId="166" formatCode="000000"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="49"/></cellStyleXfs>' +
  '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/><xf numFmtId="49"/></cellXfs>'

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Order</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c><c r="C1" t="inlineStr"><is><t>Other</t></is></c></row>'

describe('the streamed XLSX reader gives the table SheetJS gives', () => {
  it('on every XLSX fixture in the repository', () => {
    const files = execFileSync('git', ['ls-files', '*.xlsx', '*.xlsm'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean)
    expect(files.length).toBeGreaterThan(0)
    for (const path of files) {
      const bytes = new Uint8Array(readFileSync(join(root, path)))
      const name = path.split('/').pop()!
      const outcome = expectSame(bytes, {}, name)
      expect(outcome.ok, path).toBe(true)
    }
  })

  it('on workbooks SheetJS writes: strings, numbers, booleans, formats, dates, errors, blanks', () => {
    const rows = [
      ['Order', 'Email', 'Price', 'Created', 'Zip', 'Paid', 'Check', 'Note'],
      ['SO-1', 'a@example.com', 1500.5, 46329.5, 12345, true, 1, 'line one\nline two'],
      ['SO-2', 'b@example.com', 990, 46330, 7, false, 2, ''],
      [],
      ['SO-3', '  spaced  ', -0.1, 1, 0, null, 3, 'Ёлка & <tag> "quoted"']
    ]
    const formats = { C2: '#,##0.00 "₽"', D2: 'yyyy-mm-dd hh:mm', E2: '000000', D3: 'dd/mm/yyyy', E3: '000000', D5: 'dd.mm.yyyy hh:mm', C5: '0.00%' }
    for (const date1904 of [false, true]) {
      for (const bookSST of [false, true]) {
        const sheet = XLSX.utils.aoa_to_sheet(rows)
        for (const [ref, z] of Object.entries(formats)) if (sheet[ref]) sheet[ref].z = z
        sheet.H3 = { t: 'e', v: 0x07 }
        const book = XLSX.utils.book_new()
        XLSX.utils.book_append_sheet(book, sheet, 'Orders')
        if (date1904) book.Workbook = { WBProps: { date1904: true } }
        const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST, compression: true }) as ArrayBuffer)
        const outcome = expectSame(bytes)
        expect(outcome.ok).toBe(true)
      }
    }
  })

  it('on many sheets: hidden ones last, empty ones skipped, a sheet chosen by name or number, a header row chosen', () => {
    const bytes = workbookBytes([
      { name: 'Cover', rows: [['Just a title']] },
      { name: 'Empty', rows: [] },
      { name: 'Orders', rows: [['Order', 'Sum'], ['SO-1', 10], ['SO-2', 20]] },
      { name: 'Products', rows: [['Product', 'Price'], ['course', 14900]] }
    ])
    expectSame(bytes)
    for (const sheet of ['Products', 'products ', 2, 4, '4', 'Missing', 9]) expectSame(bytes, { sheet })
    for (const headerRow of [1, 2, 3, 7]) expectSame(bytes, { sheet: 'Orders', headerRow })
    const hidden = handWorkbook([
      { name: 'Secret', state: 'hidden', xml: `<sheetData>${header}<row r="2"><c r="A2"><v>1</v></c></row></sheetData>` },
      { name: 'Shown', xml: `<sheetData>${header}<row r="2"><c r="A2"><v>2</v></c></row></sheetData>` },
      { name: 'Very', state: 'veryHidden', xml: '<sheetData/>' }
    ])
    expect(expectSame(hidden)).toMatchObject({ ok: true, value: { meta: { sheet: 'Shown' } } })
    const onlyHidden = handWorkbook([
      { name: 'Blank', xml: '<sheetData/>' },
      { name: 'Secret', state: 'hidden', xml: `<sheetData>${header}<row r="2"><c r="A2"><v>1</v></c></row></sheetData>` }
    ])
    expect(expectSame(onlyHidden)).toMatchObject({ ok: true, value: { meta: { sheet: 'Secret' } } })
    expect(expectSame(handWorkbook([{ name: 'A', xml: '<sheetData/>' }, { name: 'B', xml: '<sheetData/>' }]))).toMatchObject({ ok: false, code: 'empty' })
    expect(expectSame(handWorkbook([{ name: 'A', xml: `<sheetData>${header}</sheetData>` }]))).toMatchObject({ ok: false, code: 'no-data' })
  })

  it('on shared strings with rich text, phonetic runs, escapes and line ends', () => {
    const strings = '<si><t>Order</t></si><si><t xml:space="preserve">  Value  </t></si><si><t>Other</t></si>' +
      '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si>' +
      '<si><r><t>run</t></r><rPh><t>skip</t></rPh><r><t>-on</t></r></si>' +
      '<si><t>a_x000D_b_x0009_c _x005F_x0041_</t></si>' +
      '<si><t>&lt;tag&gt; &amp; &quot;q&quot; &#1046; &#x416;</t></si>' +
      '<si><t>line&#13;&#10;break</t></si>' +
      '<si/><si><t></t></si>'
    const cells = Array.from({ length: 8 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="B${i + 2}" t="s"><v>${i + 3}</v></c></row>`).join('')
    const bytes = handWorkbook([{ name: 'S', xml: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>${cells}</sheetData>` }], { strings })
    const outcome = expectSame(bytes)
    expect(outcome.ok).toBe(true)
  })

  it('on every cell type: inline and formula strings, booleans, errors, ISO dates, formulas with cached values, styled numbers', () => {
    const rows = [
      '<c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><r><t>rich</t></r><r><t xml:space="preserve"> inline</t></r></is></c><c r="C2" t="str"><f>A2&amp;"x"</f><v>1x &amp;amp; _x0041_</v></c>',
      '<c r="A3"><v>2</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="b"><v>0</v></c><c r="D3" t="b"/>',
      '<c r="A4"><v>3</v></c><c r="B4" t="e"><v>#DIV/0!</v></c><c r="C4" t="e"><f>NA()</f><v>#N/A</v></c>',
      '<c r="A5"><v>4</v></c><c r="B5" t="d" s="1"><v>2026-11-28</v></c><c r="C5" t="d" s="5"><v>2026-11-28T13:45:10</v></c><c r="D5" t="d"><v>12:30</v></c>',
      '<c r="A6"><v>5</v></c><c r="B6" s="2"><f>SUM(A2:A5)</f><v>1234.5</v></c><c r="C6" s="3"><v>46329.75</v></c><c r="D6" s="4"><v>1234</v></c><c r="E6" s="1"><v>46000</v></c>',
      '<c r="A7"><v>6</v></c><c r="B7"><f>A1</f></c><c r="C7" t="n"><v></v></c><c r="D7" s="6"><v>7</v></c><c r="E7" t="str"/><c r="F7" s="99"><v>8.25</v></c>',
      '<c r="A8" s="5"><v>-1.5</v></c><c r="B8" t="inlineStr"/><c r="C8" s="2"><v>1E-3</v></c><c r="D8"><v>0.1</v></c><c r="E8"><v>123456789012345680</v></c>'
    ].map((cells, i) => `<row r="${i + 2}">${cells}</row>`).join('')
    for (const date1904 of [false, true]) {
      const bytes = handWorkbook([{ name: 'Types', xml: `<dimension ref="A1:F8"/><sheetData>${header}${rows}</sheetData><mergeCells count="1"><mergeCell ref="D2:E3"/></mergeCells>` }], { styles: STYLES, date1904 })
      const outcome = expectSame(bytes)
      expect(outcome.ok).toBe(true)
    }
  })

  it('on sheets without cell references, with gaps, namespace prefixes and a table that starts further in', () => {
    const noRefs = handWorkbook([{ name: 'N', xml: `<sheetData><row><c t="inlineStr"><is><t>Order</t></is></c><c t="inlineStr"><is><t>Sum</t></is></c></row><row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c><v>3</v></c><c r="D5"><v>4</v></c><c><v>5</v></c></row></sheetData>` }])
    expectSame(noRefs)
    const inset = handWorkbook([{ name: 'I', xml: `<sheetData><row r="3"><c r="C3" t="inlineStr"><is><t>Title</t></is></c></row><row r="5" spans="3:4"><c r="C5" t="inlineStr"><is><t>Order</t></is></c><c r="D5" t="inlineStr"><is><t>Sum</t></is></c></row><row r="6"><c r="C6"><v>1</v></c><c r="D6"><v>2</v></c></row><row r="9"><c r="E9" t="inlineStr"><is><t>   </t></is></c></row><row r="10"><c r="D10"><v>3</v></c></row></sheetData>` }])
    expectSame(inset)
    const prefixed = zipBytes([
      { name: '[Content_Types].xml', data: text(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/></Types>`) },
      { name: 'xl/workbook.xml', data: text(`<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><x:sheets><x:sheet name="P" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`) },
      { name: 'xl/worksheets/sheet1.xml', data: text(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Order</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>`) }
    ])
    expect(expectSame(prefixed)).toMatchObject({ ok: true, value: { table: { rows: [[42]] } } })
  })

  it('on random sheets written by SheetJS', () => {
    let seed = 20261205
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const value = (): unknown => {
      const r = random()
      if (r < 0.15) return null
      if (r < 0.4) return `text ${Math.floor(random() * 1000)}${random() < 0.1 ? ' & <x>' : ''}`
      if (r < 0.7) return Math.round(random() * 1e6) / 100
      if (r < 0.8) return random() < 0.5
      if (r < 0.9) return Math.floor(random() * 50000)
      return `0${Math.floor(random() * 99999)}`
    }
    const zs = ['General', '0.00', '#,##0.00 "₽"', 'dd.mm.yyyy', 'yyyy-mm-dd hh:mm:ss', '000000', '@', '0%']
    for (let book = 0; book < 6; book++) {
      const rows: unknown[][] = [Array.from({ length: 6 }, (_, c) => `Column ${c}`)]
      for (let r = 0; r < 40; r++) rows.push(Array.from({ length: 1 + Math.floor(random() * 7) }, value))
      const sheet = XLSX.utils.aoa_to_sheet(rows)
      for (const ref of Object.keys(sheet)) {
        const cell = sheet[ref] as XLSX.CellObject | undefined
        if (!ref.startsWith('!') && cell?.t === 'n' && random() < 0.5) cell.z = zs[Math.floor(random() * zs.length)]
      }
      const workbook = XLSX.utils.book_new()
      XLSX.utils.book_append_sheet(workbook, sheet, `Sheet ${book}`)
      const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', bookSST: book % 2 === 0 }) as ArrayBuffer)
      expectSame(bytes)
    }
  })

  it('on the markup the sheet tokenizer has to get right: empty and formula cells, rich inline text, entities, comments, rows without references, self-closing rows', () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Order</t></is></c><c r="B1" t="inlineStr"><is><t>Sum</t></is></c><c r="C1" t="inlineStr"><is><t>Note</t></is></c></row>' +
      '<row r="2"/>' +
      '<row r="3"><c r="A3"/><c r="B3"><f>1+1</f><v>2</v></c><c r="C3" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Bold </t></r><r><t>&amp; &lt;plain&gt; &#1046;&#x416;😀</t></r><rPh><t>x</t></rPh></is></c></row>' +
      '<!-- a comment between rows --><row><c t="inlineStr"><is><t>SO-4</t></is></c><c><v>4</v></c><c t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c></row>' +
      '<row r="7" spans="1:3" ht="15"><c r = "A7" t="inlineStr" ><is><t>line one\r\nline two</t></is></c><c r="C7" s="0"><v>7</v></c></row>' +
      '<row r="8"><c r="A8" t="inlineStr"><is><t/></is></c><c r="B8" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
    const outcome = expectSame(handWorkbook([{ name: 'Markup', xml: `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` }]))
    expect(outcome).toMatchObject({ ok: true, value: { table: { rows: [[null, 2, 'Bold & <plain> ЖЖ😀'], ['SO-4', 4, 'a&b'], ['line one\nline two', null, 7]] } } })
  })

  it('on a sheet long enough that its text is read in many pieces, cut inside elements, entities and multi-byte letters', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => {
      const r = i + 2
      return `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Заказ №${i} &amp; «${'ё'.repeat(i % 7)}»</t></is></c><c r="B${r}"><v>${i * 1.25}</v></c><c r="C${r}" t="inlineStr"><is><t xml:space="preserve"> &lt;${i}&gt; </t></is></c></row>`
    }).join('')
    const outcome = expectSame(handWorkbook([{ name: 'Long', xml: `<sheetData>${header}${lines}</sheetData>` }]))
    expect(outcome).toMatchObject({ ok: true })
    if (outcome.ok) expect(outcome.value.table.rows).toHaveLength(3000)
  })
})
