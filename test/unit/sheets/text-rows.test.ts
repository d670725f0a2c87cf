import { describe, expect, it } from 'vitest'
import { parseError, parseText } from './helpers'

describe('rows of a text sheet', () => {
  it('numbers rows as Excel shows them: a record spanning lines is one row', () => {
    const text = [
      'Name,Comment,Price', // row 1
      'Anna,"first line', // row 2 starts
      'second line',
      'third line",10', // row 2 ends
      'Ivan,plain,20', // row 3
      '"Olga","x', // row 4 starts
      '",30', // row 4 ends
      'Petr,last,40' // row 5
    ].join('\r\n')
    const { table } = parseText(text)
    expect(table.rowNumbers).toEqual([2, 3, 4, 5])
    expect(table.rows[0]).toEqual(['Anna', 'first line\r\nsecond line\r\nthird line', '10'])
    expect(table.rows[2]).toEqual(['Olga', 'x\r\n', '30'])
  })

  it('ends records at \\n, \\r\\n and lone \\r alike, and counts blank lines as rows', () => {
    expect(parseText('a,b\n1,"x\ny"\n2,z\n').table.rowNumbers).toEqual([2, 3])
    expect(parseText('a,b\r1,"x\ry"\r2,z\r').table.rowNumbers).toEqual([2, 3])
    expect(parseText('a,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n').table.rowNumbers).toEqual([2, 4])
  })

  it('skips fully blank rows, including rows of empty cells, without renumbering the rest', () => {
    const { table } = parseText('a;b\r\n1;2\r\n\r\n;\r\n  ;  \r\n3;4\r\n')
    expect(table.rows).toEqual([['1', '2'], ['3', '4']])
    expect(table.rowNumbers).toEqual([2, 6])
  })

  it('keeps every cell as the exact string in the file', () => {
    const { table } = parseText('Order,Zip,Big,Sci,Flag\n00283762,012345,12345678901234567890,713752e1,TRUE\n')
    expect(table.rows[0]).toEqual(['00283762', '012345', '12345678901234567890', '713752e1', 'TRUE'])
  })

  it('pads short rows and widens the table to the widest row', () => {
    const { meta, table } = parseText('a,b,c\n1,2\n3,4,5,6\n')
    expect(table.headers).toEqual(['a', 'b', 'c', ''])
    expect(table.rows).toEqual([['1', '2', '', ''], ['3', '4', '5', '6']])
    expect(meta.columnCount).toBe(4)
  })

  it('drops empty columns at the edges that Excel exports pad rows with', () => {
    const { table } = parseText(';a;b;;;\n;1;2;;;\n;3;4;;;\n')
    expect(table.headers).toEqual(['a', 'b'])
    expect(table.rows).toEqual([['1', '2'], ['3', '4']])
  })

  it('keeps headers as plain text, so "__proto__" and "constructor" are ordinary columns', () => {
    const { table } = parseText('__proto__,constructor,toString\n{"polluted":true},x,y\n')
    expect(table.headers).toEqual(['__proto__', 'constructor', 'toString'])
    expect(table.rows[0]).toEqual(['{"polluted":true}', 'x', 'y'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses a quote that is never closed, naming the line it opens on', () => {
    const error = parseError(new TextEncoder().encode('a,b\n1,2\n3,"never closed\n5,6\n'), 'orders.csv')
    expect(error.code).toBe('malformed')
    expect(error.message).toMatch(/^orders\.csv: line 3 opens a quoted cell/)
  })

  it('stops at the row limit with a clear message', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(150)
    const error = parseError(new TextEncoder().encode(text), 'orders.csv', { limits: { maxRows: 20 } })
    expect(error.code).toBe('too-large')
    expect(error.message).toContain('20')
    expect(parseText(text, 'orders.csv', { limits: { maxRows: 150 } }).table.rows).toHaveLength(150)
  })
})
