// How the CLI's preview says why each column was matched and what the source detection decided:
// in English as before, and in Russian with --lang ru.
import { describe, expect, it } from 'vitest'
import { SAMPLE, cli } from './helpers'

describe('the mapping lines of preview', () => {
  it('say why in English', async () => {
    const r = await cli(['preview', SAMPLE])
    expect(r.out).toContain('  bill_email                 ← column "Email"  95% is a known name for this field ("E-mail")\n')
    expect(r.out).toContain('  note: Rows with the same "Order ID" are one order: its header names an order number.\n')
  })

  it('say why in Russian with --lang ru', async () => {
    const r = await cli(['preview', SAMPLE, '--lang', 'ru'])
    expect(r.out).toContain('95% известное название этого поля («E-mail»)\n')
    expect(r.out).toContain('  заметка: Строки с одинаковым «Order ID» — один заказ: заголовок называет номер заказа.\n')
    expect(r.out).not.toContain('is a known name')
  })
})
