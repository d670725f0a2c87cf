// A small XML tokenizer for the worksheet part, fed the inflated text a piece at a time. A sheet
// of 500,000 rows has ten million cells; a general SAX parser (saxes) makes a tag object, an
// attribute object and several strings for each, so a fifth of the read was garbage collection.
// This one makes no object per element: the consumer asks for the attributes it needs while the
// tag is in view, and text is only cut out of the XML when the consumer wants it. What it accepts
// is what saxes accepts for the sheets Excel and other writers make (prefixed names such as <x:c>,
// CDATA, comments, processing instructions, the five predefined entities and character
// references, line ends normalized as XML says); what saxes refuses as not well-formed (an
// unknown entity, a closing tag that does not match, an element left open) is refused here too.

export class XmlError extends Error {
  override name = 'XmlError'
}

export interface ScanHandlers {
  /** An element opens; `name` is its local name (without a prefix). Its attributes can be read
   * with attribute() until this returns. A self-closing element is followed by close(). */
  open: (name: string) => void
  /** Decoded text (or CDATA) inside an element, only while `wantText` is set; one run of text may
   * come in several calls. */
  text: (text: string) => void
  close: (name: string) => void
}

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const QUOTE = 0x22
const APOS = 0x27
const BANG = 0x21
const QUESTION = 0x3f
const CR = 0x0d
const CDATA_END = ']]>'
export const MAX_TAG_CHARS = 4 * 1024 * 1024

export class XmlScanner {
  /** Set by the consumer: text is cut out and decoded only while this is true. */
  wantText = false
  private buffer = ''
  private at = 0
  /** Where the tag in view starts and ends (the index of its '>'), for attribute(). */
  private tagStart = 0
  private tagEnd = 0
  private readonly open: string[] = []
  /** The end of the comment, processing instruction or CDATA section being read, if any. */
  private pending: '' | '-->' | '?>' | typeof CDATA_END = ''

  constructor(private readonly handlers: ScanHandlers) {}

  write(piece: string): void {
    this.buffer = this.at < this.buffer.length ? this.buffer.slice(this.at) + piece : piece
    this.at = 0
    this.scan(false)
  }

  end(): void {
    this.scan(true)
    if (this.at < this.buffer.length && this.buffer.slice(this.at).trim() !== '') throw new XmlError('unfinished markup at the end')
    if (this.pending !== '') throw new XmlError(`unfinished markup: no ${this.pending}`)
    if (this.open.length > 0) throw new XmlError(`unclosed element ${this.open[this.open.length - 1]}`)
    this.buffer = ''
    this.at = 0
  }

  /** The decoded value of an attribute of the tag in view, by its name as written. */
  attribute(name: string): string | undefined {
    const buffer = this.buffer
    let i = this.tagStart + 1
    const end = this.tagEnd
    // Past the element's name.
    while (i < end && !isSpace(buffer.charCodeAt(i)) && buffer.charCodeAt(i) !== SLASH && buffer.charCodeAt(i) !== GT) i++
    while (i < end) {
      while (i < end && isSpace(buffer.charCodeAt(i))) i++
      const nameStart = i
      while (i < end && buffer.charCodeAt(i) !== 0x3d && !isSpace(buffer.charCodeAt(i)) && buffer.charCodeAt(i) !== SLASH && buffer.charCodeAt(i) !== GT) i++
      const nameEnd = i
      while (i < end && isSpace(buffer.charCodeAt(i))) i++
      if (buffer.charCodeAt(i) !== 0x3d) {
        if (nameEnd === nameStart) i++
        continue
      }
      i++
      while (i < end && isSpace(buffer.charCodeAt(i))) i++
      const quote = buffer.charCodeAt(i)
      if (quote !== QUOTE && quote !== APOS) throw new XmlError('unquoted attribute value')
      const valueStart = i + 1
      const valueEnd = buffer.indexOf(quote === QUOTE ? '"' : "'", valueStart)
      if (valueEnd < 0 || valueEnd > end) throw new XmlError('unterminated attribute value')
      i = valueEnd + 1
      if (nameEnd - nameStart === name.length && buffer.startsWith(name, nameStart)) return decodeAttribute(buffer.slice(valueStart, valueEnd))
    }
    return undefined
  }

  private scan(last: boolean): void {
    const buffer = this.buffer
    const length = buffer.length
    const handlers = this.handlers
    let at = this.at
    while (at < length) {
      const pending = this.pending
      if (pending !== '') {
        // Inside a comment, processing instruction or CDATA section that started in an earlier
        // piece: read on to its end without holding what came before (a huge one stays linear).
        const wanted = pending === CDATA_END && this.wantText && this.open.length > 0
        const end = buffer.indexOf(pending, at)
        if (end < 0) {
          // Keep what could be the start of the terminator, and a CR whose LF may come next.
          let keep = Math.max(at, length - (pending.length - 1))
          if (wanted && keep > at && buffer.charCodeAt(keep - 1) === CR) keep--
          if (wanted && keep > at) handlers.text(normalizeLineEnds(buffer.slice(at, keep)))
          at = keep
          break
        }
        if (wanted && end > at) handlers.text(normalizeLineEnds(buffer.slice(at, end)))
        at = end + pending.length
        this.pending = ''
        continue
      }
      if (buffer.charCodeAt(at) !== LT) {
        let lt = buffer.indexOf('<', at)
        if (lt < 0) {
          if (!this.wantText) {
            at = length
            break
          }
          // A long text: hand on what is certainly whole (not a cut entity or a CR before its LF).
          lt = last ? length : safeTextEnd(buffer, at, length)
          if (lt <= at) break
        }
        if (this.wantText && this.open.length > 0) handlers.text(decodeText(buffer.slice(at, lt)))
        at = lt
        continue
      }
      const next = buffer.charCodeAt(at + 1)
      if (next === BANG) {
        if (buffer.startsWith('<![CDATA[', at)) {
          this.pending = CDATA_END
          at += 9
        } else if (buffer.startsWith('<!--', at)) {
          this.pending = '-->'
          at += 4
        } else if (length - at < 9 && '<![CDATA['.startsWith(buffer.slice(at))) {
          break
        } else {
          // <!DOCTYPE ...>, with an internal subset in brackets; Excel never writes one.
          const end = declarationEnd(buffer, at + 2)
          if (end < 0) break
          at = end + 1
        }
        continue
      }
      if (next === QUESTION) {
        this.pending = '?>'
        at += 2
        continue
      }
      if (next === SLASH) {
        const end = buffer.indexOf('>', at + 2)
        if (end < 0) break
        let nameEnd = end
        while (nameEnd > at + 2 && isSpace(buffer.charCodeAt(nameEnd - 1))) nameEnd--
        const open = this.open.pop()
        if (open === undefined || nameEnd - (at + 2) !== open.length || !buffer.startsWith(open, at + 2)) throw new XmlError('closing tag does not match')
        at = end + 1
        handlers.close(localName(open))
        continue
      }
      if (at + 1 >= length) break
      const end = tagEnd(buffer, at + 1)
      if (end < 0) break
      let nameEnd = at + 1
      while (nameEnd < end && !isSpace(buffer.charCodeAt(nameEnd)) && buffer.charCodeAt(nameEnd) !== SLASH) nameEnd++
      if (nameEnd === at + 1) throw new XmlError('element without a name')
      const name = buffer.slice(at + 1, nameEnd)
      const selfClosing = buffer.charCodeAt(end - 1) === SLASH
      this.tagStart = at
      this.tagEnd = end
      at = end + 1
      const local = localName(name)
      if (!selfClosing) this.open.push(name)
      handlers.open(local)
      if (selfClosing) handlers.close(local)
    }
    // What is left is an unfinished tag, searched again from its start with each piece: a tag
    // far longer than any Excel writes is a damaged or hostile part, not one to spend hours on.
    if (length - at > MAX_TAG_CHARS) throw new XmlError('a tag longer than any workbook has')
    this.at = at
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === CR
}

export function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/** The index of the '>' that ends the tag whose name starts at `from`, skipping quoted values;
 * -1 when the tag runs past the text read so far. */
function tagEnd(buffer: string, from: number): number {
  const length = buffer.length
  for (let i = from; i < length; i++) {
    const code = buffer.charCodeAt(i)
    if (code === GT) return i
    if (code === QUOTE || code === APOS) {
      const close = buffer.indexOf(code === QUOTE ? '"' : "'", i + 1)
      if (close < 0) return -1
      i = close
    } else if (code === LT) throw new XmlError('"<" inside a tag')
  }
  return -1
}

function declarationEnd(buffer: string, from: number): number {
  let depth = 0
  for (let i = from; i < buffer.length; i++) {
    const code = buffer.charCodeAt(i)
    if (code === 0x5b) depth++
    else if (code === 0x5d) depth--
    else if (code === GT && depth <= 0) return i
  }
  return -1
}

/** Where a text that goes on past the piece read may be cut: before a '&' with no ';' after it
 * and before a CR at the very end (its LF may come next). */
function safeTextEnd(buffer: string, from: number, length: number): number {
  let end = length
  const amp = buffer.lastIndexOf('&', end - 1)
  if (amp >= from && buffer.indexOf(';', amp) < 0) end = amp
  if (end > from && buffer.charCodeAt(end - 1) === CR) end--
  return end
}

function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

const ENTITY = /&([^;&]*);|&/g
const PREDEFINED: Record<string, string> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' }

function decodeEntity(_match: string, name: string | undefined): string {
  if (name === undefined) throw new XmlError('"&" that starts no entity')
  if (name.charCodeAt(0) === 0x23) {
    const hex = name.charCodeAt(1) === 0x78
    const digits = name.slice(hex ? 2 : 1)
    const code = /^[\da-fA-F]+$/.test(digits) && (hex || /^\d+$/.test(digits)) ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN
    if (!(code >= 1 && code <= 0x10ffff)) throw new XmlError('malformed character reference')
    return String.fromCodePoint(code)
  }
  const known = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined
  if (known === undefined) throw new XmlError('undefined entity')
  return known
}

/** Text as XML means it: line ends as LF, then entities and character references decoded. */
export function decodeText(raw: string): string {
  const text = normalizeLineEnds(raw)
  return text.includes('&') ? text.replace(ENTITY, decodeEntity) : text
}

/** An attribute value as XML means it: white space as spaces, then references decoded. */
function decodeAttribute(raw: string): string {
  let text = raw
  if (/[\t\n\r]/.test(text)) text = text.replace(/\r\n|[\t\n\r]/g, ' ')
  return text.includes('&') ? text.replace(ENTITY, decodeEntity) : text
}
