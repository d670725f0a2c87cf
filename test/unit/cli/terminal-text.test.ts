import { describe, expect, it } from 'vitest'
import { limitedList, termName, termOutput, termText } from '../../../electron/main/cli/terminal-text'

describe('terminal text', () => {
  it('escapes every control character of a value, line breaks included', () => {
    expect(termText('a\x1b[2Jb')).toBe('a\\u001b[2Jb')
    expect(termText('one\ntwo\rthree\tfour')).toBe('one\\ntwo\\rthree\\tfour')
    expect(termText('\x00\x07\x7f\u009b\u2028\u202e')).toBe('\\u0000\\u0007\\u007f\\u009b\\u2028\\u202e')
    expect(termText('Заказ №5 — ok')).toBe('Заказ №5 — ok')
  })

  it('keeps the line breaks and the progress redraw of an output, and escapes the rest', () => {
    expect(termOutput('line 1\nline 2\n')).toBe('line 1\nline 2\n')
    expect(termOutput('\r\x1b[2K[███] 3/30')).toBe('\r\x1b[2K[███] 3/30')
    expect(termOutput('file\x1b]0;owned\x07.csv\n')).toBe('file\\u001b]0;owned\\u0007.csv\n')
    expect(termOutput('x\ry')).toBe('x\\ry')
    // JSON output means the same after it.
    const json = JSON.stringify({ name: 'a\u009bb\u202e' })
    expect(JSON.parse(termOutput(json))).toEqual({ name: 'a\u009bb\u202e' })
  })

  it('cuts long names and long lists', () => {
    expect(termName('x'.repeat(500))).toBe(`"${'x'.repeat(99)}…"`)
    const names = Array.from({ length: 5000 }, (_, i) => `col${i}`)
    const line = limitedList(names, 40)
    expect(line.startsWith('"col0", "col1"')).toBe(true)
    expect(line.endsWith('"col39" and 4960 more')).toBe(true)
  })
})
