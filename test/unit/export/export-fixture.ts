// The runs and orders the export tests stage in their journals.
import type { CreateRunInput, StageOrderInput } from '../../../electron/main/journal'

export const HEADERS = ['Order', 'Email', 'Product', 'Price']

export function runInput(mapping: unknown): CreateRunInput {
  return {
    sourceName: 'orders.xlsx',
    sourceHash: 'a'.repeat(64),
    sourceSize: 100,
    sheet: 'Orders',
    mapping,
    settings: { rate: 1, concurrency: 1, apiBase: 'https://shop.example.com/api/', login: 'shop' },
    destination: 'shop shop https://shop.example.com/api/'
  }
}

export function order(ordinal: number, rows: StageOrderInput['rows'], extra: Partial<StageOrderInput> = {}): StageOrderInput {
  return { ordinal, groupKey: `A-${ordinal}`, fingerprint: `f${ordinal}`.padEnd(64, '0'), payload: [['bill_email', `b${ordinal}@example.com`]], email: `b${ordinal}@example.com`, rows, ...extra }
}
