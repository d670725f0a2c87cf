// Issue 8: what the CLI prints never carries a control character from a file name or a cell to
// the terminal, and a preview of a very wide sheet names at most 40 columns and counts the rest.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, tempDir } from './helpers'

let dir: string
let cleanup: () => void
beforeAll(() => {
  ;({ dir, cleanup } = tempDir())
})
afterAll(() => cleanup())

// Anything that a terminal would act on: C0 (but the line feed), DEL, C1, bidi overrides.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('terminal output', () => {
  it('escapes control characters in the file name, the headers and the cells', async () => {
    const name = 'orders\x1b]0;owned\x07\u202e.csv'
    const file = join(dir, name)
    writeFileSync(file, 'Email,Product,Price,Not\x1b[2Jused\u009b\nbad\x1b[31m@,course,10,x\nann@x.com,course\u0085,10,y\n')
    const { out, err } = await cli(['preview', file])
    expect(out + err).not.toMatch(RAW_CONTROL)
    expect(out).toContain('orders\\u001b]0;owned\\u0007\\u202e.csv')
    expect(out).toContain('"Not\\u001b[2Jused\\u009b"')
  })

  it('names at most 40 columns of a sheet with thousands of them, and counts the rest', async () => {
    const headers = ['Email', 'Product', 'Price', ...Array.from({ length: 5000 }, (_, i) => `extra column ${i}`)]
    const file = join(dir, 'wide.csv')
    writeFileSync(file, `${headers.join(',')}\nann@x.com,course,10${',v'.repeat(5000)}\n`)
    const { out } = await cli(['preview', file])
    const line = out.split('\n').find((l) => l.includes('columns not used:'))!
    expect(line).toContain('"extra column 39" and 4960 more')
    expect(line).not.toContain('extra column 40"')
    expect(out.length).toBeLessThan(10_000)
  })
})
