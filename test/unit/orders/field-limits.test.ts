// Issue 8: a single field longer than 64 KB is an error on its row naming the limit, not a
// request body of megabytes.
import { describe, expect, it } from 'vitest'
import { MAX_FIELD_BYTES, overFieldLimit, utf8Length } from '#shared/plan/field-limits'
import { planImport } from '#shared/plan/import-plan'
import { col, mapping, sheet, NOW } from './helpers'

describe('the length limit of one field', () => {
  it('counts UTF-8 bytes as the wire does', () => {
    for (const text of ['', 'abc', 'заказ', '€', '😀x', 'a\uD800b']) expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'))
    expect(overFieldLimit('a'.repeat(MAX_FIELD_BYTES))).toBe(false)
    expect(overFieldLimit('a'.repeat(MAX_FIELD_BYTES + 1))).toBe(true)
    // 30,000 Cyrillic letters are 60,000 bytes; 33,000 are 66,000.
    expect(overFieldLimit('ж'.repeat(30_000))).toBe(false)
    expect(overFieldLimit('ж'.repeat(33_000))).toBe(true)
  })

  it('makes a 5 MB comment an error on its row, naming the field and the limit; the other rows are fine', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024)
    const plan = planImport(
      sheet(['Email', 'Product', 'Price', 'Comment'], [
        ['ann@x.com', 'course', '100', 'short note'],
        ['bob@x.com', 'course', '100', huge]
      ]),
      mapping({ fields: { bill_email: col('Email'), bill_comment: col('Comment') } }),
      { now: NOW }
    )
    expect(plan.orders.map((order) => order.errors)).toEqual([0, 1])
    const [issue] = plan.issues.filter((i) => i.severity === 'error')
    expect(issue).toMatchObject({ code: 'too-long', row: 3, column: 'Comment', field: 'bill_comment', order: 2 })
    expect(issue!.message).toMatch(/^Row 3, column "Comment": "x+…" is 5120 KB long, more than the 64 KB one field may have/)
    expect(issue!.message.length).toBeLessThan(1000)
  })

  it('applies to products and checked fields too', () => {
    const plan = planImport(
      sheet(['Email', 'Product', 'Price'], [[`${'a'.repeat(70_000)}@x.com`, 'p'.repeat(70_000), '100']]),
      mapping(),
      { now: NOW }
    )
    expect(plan.issues.filter((i) => i.code === 'too-long').map((i) => i.field)).toEqual(['bill_email', 'goods[0][good_name]'])
  })
})
