// Quantities. CreateOrder has no quantity: a line of 3 is either the good three times, or the
// good once at three times its price (GoodMapping.quantity says which).
import type { Cell } from '../sheet/sheet'
import { cellToText } from '../transforms/index'

/** Most goods a line may repeat: beyond this, "multiply" is what is meant. */
export const MAX_REPEAT = 100

/** `text`: the quantity as written, when it is not one. */
export type QuantityRead = { ok: true; value: number } | { ok: false; text: string; message: string }

/** A quantity cell: a whole number from 1; empty means 1. */
export function readQuantity(cell: Cell): QuantityRead {
  const text = cell === null ? '' : cellToText(cell).replace(/\s/g, '').replace(/[.,]0+$/, '')
  if (text === '') return { ok: true, value: 1 }
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) return { ok: false, text, message: `the quantity ${JSON.stringify(text)} is not a whole number of 1 or more` }
  return { ok: true, value: Number(text) }
}

/** Cents of an amount as sent ("1500", "1500.5", "-3.25"), or null for more than 2 decimals. */
function toCents(amount: string): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount)
  if (!m) return null
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0')
  return m[1] === '-' ? -cents : cents
}

function fromCents(cents: bigint): string {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const whole = abs / 100n
  const rest = abs % 100n
  const text = rest === 0n ? `${whole}` : `${whole}.${rest.toString().padStart(2, '0').replace(/0$/, '')}`
  return negative ? `-${text}` : text
}

/** amount x quantity, exactly; null when the amount has more than 2 decimals. */
export function multiplyAmount(amount: string, quantity: number): string | null {
  const cents = toCents(amount)
  return cents === null ? null : fromCents(cents * BigInt(quantity))
}

/** A line total split into `quantity` unit prices that add up to it exactly (the first ones
 * take the odd cents); null when the amount has more than 2 decimals. */
export function splitAmount(amount: string, quantity: number): string[] | null {
  const cents = toCents(amount)
  if (cents === null) return null
  const q = BigInt(quantity)
  const base = cents / q
  const odd = Number(cents - base * q)
  return Array.from({ length: quantity }, (_, i) => fromCents(base + (i < Math.abs(odd) ? (odd < 0 ? -1n : 1n) : 0n)))
}
