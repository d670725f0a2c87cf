// What a CreateOrder payload says that can be recognised in the shop afterwards.
import type { Payload } from '../journal'

export interface ExpectedGood {
  name: string
  /** Absent: the shop price applied, so any price matches. */
  sum?: string
}

export interface PayloadFacts {
  goods: ExpectedGood[]
  created?: string
  tag?: string
  comment?: string
}

const GOOD_KEY = /^goods\[(\d+)\]\[(good_name|good_sum)\]$/

export function payloadFacts(payload: Payload): PayloadFacts {
  const goods = new Map<number, { name?: string; sum?: string }>()
  const fields = new Map<string, string>()
  for (const [key, value] of payload) {
    const good = GOOD_KEY.exec(key)
    if (good === null) {
      fields.set(key, value)
      continue
    }
    const index = Number(good[1])
    const line = goods.get(index) ?? {}
    if (good[2] === 'good_name') line.name = value
    else line.sum = value
    goods.set(index, line)
  }
  const facts: PayloadFacts = {
    goods: [...goods.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, line]) => ({ name: line.name ?? '', ...(line.sum === undefined || line.sum.trim() === '' ? {} : { sum: line.sum }) }))
  }
  const created = filled(fields.get('bill_created'))
  const tag = filled(fields.get('bill_tag'))
  const comment = filled(fields.get('bill_comment'))
  if (created !== undefined) facts.created = created
  if (tag !== undefined) facts.tag = tag
  if (comment !== undefined) facts.comment = comment
  return facts
}

function filled(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}
