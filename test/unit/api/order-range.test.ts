import { describe, expect, it } from 'vitest'
import { MAX_RANGE_DAYS, orderRangeParams } from '../../../electron/main/api/order-range'

describe('orderRangeParams', () => {
  it('writes whole UTC days as dd.mm.yyyy', () => {
    expect(orderRangeParams({ begin: new Date('2024-03-01T23:30:00Z'), end: new Date('2024-03-09T00:10:00Z') })).toEqual([
      ['begin_date', '01.03.2024'],
      ['end_date', '09.03.2024']
    ])
  })

  it(`accepts ${MAX_RANGE_DAYS} days and refuses one more, which the API could cut`, () => {
    const begin = new Date('2024-02-01T12:00:00Z')
    expect(orderRangeParams({ begin, end: new Date('2024-02-28T00:00:00Z') })[1]).toEqual(['end_date', '28.02.2024'])
    expect(() => orderRangeParams({ begin, end: new Date('2024-02-29T00:00:00Z') })).toThrow(/29 days/)
  })

  it('refuses a window that ends before it starts, or invalid dates', () => {
    expect(() => orderRangeParams({ begin: new Date('2024-03-02'), end: new Date('2024-03-01') })).toThrow(/swap/)
    expect(() => orderRangeParams({ begin: new Date('x'), end: new Date('2024-03-01') })).toThrow(/not valid/)
  })
})
