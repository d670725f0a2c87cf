// The scale benchmarks' inputs, written a row at a time (a 1,000,000-row sheet is more XML than
// one string may hold): the rows of generate-orders.ts as a CSV file, and as an XLSX workbook the
// way Excel writes it (text in the shared strings, prices as numbers, a styled date column),
// deflated by fflate's streaming zip. SheetJS cannot read the sheet part of such a workbook once
// it passes V8's longest string (about 600,000 rows of inline strings), which is why the shared
// strings matter for the comparison.
import { closeSync, openSync, writeSync } from 'node:fs'
import { Zip, ZipDeflate } from 'fflate'
import { BENCH_HEADERS, rowStream } from './generate-orders'

const encoder = new TextEncoder()

export function writeLargeCsv(path: string, count: number): void {
  const fd = openSync(path, 'w')
  try {
    const esc = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
    let chunk = `${BENCH_HEADERS.join(',')}\r\n`
    for (const row of rowStream(count)) {
      chunk += `${row.map(esc).join(',')}\r\n`
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }
}

const xml = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function columnName(c: number): string {
  let name = ''
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

const PRICE = 11
const CREATED = 16

export function writeLargeXlsx(path: string, count: number): void {
  const fd = openSync(path, 'w')
  let failure: Error | null = null
  const zip = new Zip((error, data) => {
    if (error) failure = error
    else writeSync(fd, data)
  })
  const add = (name: string, text: string): void => {
    const file = new ZipDeflate(name, { level: 6 })
    zip.add(file)
    file.push(encoder.encode(text), true)
  }
  try {
    add('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    add('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    add('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>')
    add('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    add('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>')
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 })
    zip.add(sheet)
    const columns = BENCH_HEADERS.map((_h, c) => columnName(c))
    const shared = new Map<string, number>()
    const sst = (value: string): number => {
      let index = shared.get(value)
      if (index === undefined) {
        index = shared.size
        shared.set(value, index)
      }
      return index
    }
    const last = count + 1
    let chunk = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${columns[columns.length - 1]}${last}"/><sheetData>`
    chunk += `<row r="1">${BENCH_HEADERS.map((h, c) => `<c r="${columns[c]}1" t="s"><v>${sst(h)}</v></c>`).join('')}</row>`
    let r = 1
    for (const row of rowStream(count)) {
      r++
      let cells = ''
      for (let c = 0; c < row.length; c++) {
        const value = row[c]!
        if (value === '') continue
        const ref = `${columns[c]}${r}`
        if (c === PRICE) cells += `<c r="${ref}" s="2"><v>${Number(value)}</v></c>`
        else if (c === CREATED) cells += `<c r="${ref}" s="1"><v>${(Date.parse(`${value.replace(' ', 'T')}:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000}</v></c>`
        else cells += `<c r="${ref}" t="s"><v>${sst(value)}</v></c>`
      }
      chunk += `<row r="${r}">${cells}</row>`
      if (chunk.length > 1 << 20) {
        sheet.push(encoder.encode(chunk))
        chunk = ''
      }
    }
    sheet.push(encoder.encode(`${chunk}</sheetData></worksheet>`), true)
    const strings = new ZipDeflate('xl/sharedStrings.xml', { level: 6 })
    zip.add(strings)
    chunk = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${shared.size}">`
    for (const value of shared.keys()) {
      chunk += `<si><t xml:space="preserve">${xml(value)}</t></si>`
      if (chunk.length > 1 << 20) {
        strings.push(encoder.encode(chunk))
        chunk = ''
      }
    }
    strings.push(encoder.encode(`${chunk}</sst>`), true)
    zip.end()
  } finally {
    closeSync(fd)
  }
  if (failure) throw failure
}
