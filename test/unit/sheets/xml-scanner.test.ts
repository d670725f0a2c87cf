// The worksheet's tokenizer against saxes (the parser it replaced for that part): the same
// elements, attributes and text for the markup sheets hold, however the text is cut into pieces.
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { describe, expect, it } from 'vitest'
import { localName } from '../../../electron/main/sheets/xlsx-parts'
import { MAX_TAG_CHARS, XmlScanner } from '../../../electron/main/sheets/xml-scanner'

const ATTRIBUTES = ['r', 't', 's', 'ref', 'xml:space', 'spans']

type Event = string

/** Opens, closes and text runs (adjacent text joined) as saxes reports them. */
function saxesEvents(xml: string): Event[] {
  const events: Event[] = []
  let depth = 0
  const parser = new SaxesParser({ xmlns: false, position: false })
  const text = (value: string): void => {
    if (depth === 0) return
    const last = events.length - 1
    if (last >= 0 && events[last]!.startsWith('text ')) events[last] += value
    else events.push(`text ${value}`)
  }
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++
    const attributes = tag.attributes as Record<string, string>
    events.push(`open ${localName(tag.name)} ${JSON.stringify(ATTRIBUTES.map((a) => attributes[a] ?? null))}`)
  })
  parser.on('text', text)
  parser.on('cdata', text)
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--
    events.push(`close ${localName(tag.name)}`)
  })
  parser.write(xml).close()
  return events
}

/** The same from the scanner, fed `xml` in pieces of `size` characters (all of it when 0). */
function scannerEvents(xml: string, size = 0): Event[] {
  const events: Event[] = []
  const scanner: XmlScanner = new XmlScanner({
    open: (name) => {
      events.push(`open ${name} ${JSON.stringify(ATTRIBUTES.map((a) => scanner.attribute(a) ?? null))}`)
    },
    text: (value) => {
      const last = events.length - 1
      if (last >= 0 && events[last]!.startsWith('text ')) events[last] += value
      else events.push(`text ${value}`)
    },
    close: (name) => events.push(`close ${name}`)
  })
  scanner.wantText = true
  if (size === 0) scanner.write(xml)
  else for (let at = 0; at < xml.length; at += size) scanner.write(xml.slice(at, at + size))
  scanner.end()
  return events
}

const SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<!-- written by hand --><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<dimension ref="A1:D9"/><sheetData>\n  <row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t>Order &amp; &lt;id&gt; &quot;x&quot; &apos;y&apos;</t></is></c>' +
  '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve"> rich </t></r><r><t>run&#10;&#x41;&#128512;</t></r><rPh><t>ph</t></rPh></is></c></row>' +
  '<row r="2"/><row r="3"><c r="A3"/><c r="B3" s="2"><f>SUM(A1:A2)&gt;0</f><v>12.5</v></c><c t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
  '<row><c r = "A4" t=\'s\'><v>0</v></c><c r="B4"><v><![CDATA[4<5 & ]]]]><![CDATA[>]]></v></c><c r="C4" t="inlineStr"><is><t>line\r\nend\rcr</t></is></c></row>' +
  '<x:row r="6" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="A6" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c><x:c r="D6"><x:v>7</x:v></x:c></x:row>' +
  '<?mso-application progid="Excel.Sheet"?><row r="9"><c r="A9" t="e"><v>#N/A</v></c><c r="B9" t="b"><v>1</v></c><c r="C9" t="d"><v>2026-11-28T13:45:10</v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><extLst><ext uri="{x}"><tag attr="a>b"/></ext></extLst></worksheet>'

describe('the worksheet tokenizer', () => {
  it('gives the elements, attributes and text saxes gives', () => {
    const expected = saxesEvents(SHEET)
    expect(expected.length).toBeGreaterThan(60)
    expect(scannerEvents(SHEET)).toEqual(expected)
  })

  it('gives the same wherever the text is cut: pieces of every size from 1 character up', () => {
    const expected = saxesEvents(SHEET)
    for (let size = 1; size <= SHEET.length; size++) expect(scannerEvents(SHEET, size), `pieces of ${size}`).toEqual(expected)
  })

  it('cuts a long text, CDATA section or comment into pieces only where no entity, line end or terminator is split', () => {
    const long = `<is><t>${'ab&amp;\r\n'.repeat(2000)}&#x1F600;</t><t><![CDATA[${'x]]y\r\n]\r'.repeat(500)}]]></t><!-- ${'a-b>?'.repeat(500)} --><?pi ${'?x>'.repeat(300)}?></is>`
    const expected = saxesEvents(long)
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(scannerEvents(long, size), `pieces of ${size}`).toEqual(expected)
  })

  it('cuts no text out of the XML while none is wanted', () => {
    let texts = 0
    const scanner: XmlScanner = new XmlScanner({ open: () => undefined, text: () => void texts++, close: () => undefined })
    scanner.write('<row><c><f>A1</f><v>1</v></c></row>')
    scanner.end()
    expect(texts).toBe(0)
  })

  it('refuses a tag longer than any workbook has, and reads one just under that length', () => {
    const value = 'a'.repeat(MAX_TAG_CHARS - 100)
    expect(scannerEvents(`<c r="${value}"><v>1</v></c>`, 1 << 20)[0]).toBe(`open c ${JSON.stringify([value, null, null, null, null, null])}`)
    expect(() => scannerEvents(`<c r="${value}${'b'.repeat(1 << 17)}"><v>1</v></c>`, 1 << 16)).toThrow(/longer than any/)
  })

  it('refuses what saxes refuses: an unknown entity, a bare "&", a closing tag that does not match, an element left open', () => {
    for (const bad of ['<v>&nbsp;</v>', '<v>a & b</v>', '<v>&#xZZ;</v>', '<row><c></row>', '<row><c>', '<row><c r="A1></c></row>', '<row><c r=A1/></row>']) {
      expect(() => saxesEvents(bad), bad).toThrow()
      expect(() => scannerEvents(bad), bad).toThrow()
      expect(() => scannerEvents(bad, 1), `${bad} in pieces`).toThrow()
    }
  })
})
