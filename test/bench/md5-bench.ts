// MD5 three ways on what Orderbatch hashes: order fingerprints (~250 bytes of canonical JSON,
// Cyrillic included) and signed request bodies (~600 bytes). Ours is shared/wire/md5.ts (pure
// TypeScript, what the fingerprint and any non-Node caller use); the kept library is
// @noble/hashes' legacy md5 (pure TypeScript too); node:crypto is what Node entry points install
// for signatures. Issue 9 asks to replace ours by the library unless this shows a material loss.
import { createHash, hash } from 'node:crypto'
import { md5 as nobleMd5 } from '@noble/hashes/legacy.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { md5, md5OfBytes, utf8Encode } from '#shared/wire/md5'
import { fingerprintInput, orderFingerprint } from '#shared/plan/fingerprint'
import type { OrderDraft } from '#shared/plan/order'

const COUNT = 200_000
const REPEAT = 5

function inputs(kind: 'fingerprint' | 'body'): string[] {
  return Array.from({ length: COUNT }, (_, i) =>
    kind === 'fingerprint'
      ? JSON.stringify([0, `buyer${i}@example.ru`, 1, 'Иван', 2, 'Петров', 5, '+7916' + String(1000000 + i), 9, 'Москва', [['course-' + (i % 50), String(1000 + (i % 900)) + '.5']]])
      : `goods%5B0%5D%5Bgood_name%5D=course-${i % 50}&goods%5B0%5D%5Bgood_sum%5D=${1000 + (i % 900)}.50&bill_first_name=%D0%98%D0%B2%D0%B0%D0%BD&bill_surname=%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2&bill_email=buyer${i}%40example.ru&bill_phone=%2B7916${1000000 + i}&bill_country=%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F&bill_city=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&bill_address=%D1%83%D0%BB.+%D0%9B%D0%B5%D0%BD%D0%B8%D0%BD%D0%B0%2C+${i}&bill_tag=import-2026-12&bill_created=2026-11-${String(1 + (i % 28)).padStart(2, '0')}+10%3A00%3A00::shop-owner::key`
  )
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function time(label: string, texts: readonly string[], hash: (text: string) => string): [string, number] {
  const runs: number[] = []
  let check = ''
  for (let r = 0; r < REPEAT; r++) {
    const start = performance.now()
    for (const text of texts) check = hash(text)
    runs.push(performance.now() - start)
  }
  if (check.length !== 32) throw new Error(`${label} gave no md5`)
  return [label, median(runs)]
}

const lines = [`MD5 of ${COUNT.toLocaleString('en-US')} texts, median of ${REPEAT} runs (one process, warm)`]
for (const kind of ['fingerprint', 'body'] as const) {
  const texts = inputs(kind)
  const bytes = texts.map(utf8Encode)
  // The fingerprint writes its UTF-8 bytes itself and hashes them in place (md5OfBytes).
  let i = 0
  const results = [
    time('ours (shared/wire/md5.ts)', texts, md5),
    ...(kind === 'fingerprint' ? [time('ours, from bytes already written', texts, () => { const b = bytes[i++ % COUNT]!; return md5OfBytes(b, b.length) })] : []),
    time('@noble/hashes legacy md5', texts, (text) => bytesToHex(nobleMd5(utf8Encode(text)))),
    time('node:crypto createHash', texts, (text) => createHash('md5').update(text, 'utf8').digest('hex')),
    time('node:crypto hash (one-shot)', texts, (text) => hash('md5', text, 'hex'))
  ]
  const ours = results[0]![1]
  lines.push(`  ${kind === 'fingerprint' ? 'fingerprint inputs (~250 bytes)' : 'request bodies (~800 bytes)'}:`)
  for (const [label, ms] of results) lines.push(`    ${label.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / ours).toFixed(2)}x ours`)
  i = 0
}
// The fingerprint's own UTF-8/JSON writer (fingerprint.ts) against the plain way: build the
// canonical text with JSON.stringify, then hash it.
const orders: Array<Pick<OrderDraft, 'fields' | 'goods'>> = Array.from({ length: COUNT }, (_, i) => ({
  fields: { bill_email: `Buyer${i}@Example.ru`, bill_first_name: 'Иван', bill_surname: 'Петров', bill_phone: `+7 916 ${1000000 + i}`, bill_city: 'Москва', bill_tag: 'import-2026' },
  goods: [{ good_name: `course-${i % 50}`, good_sum: `${1000 + (i % 900)}.50`, row: i + 2 }]
}))
const [, plain] = time('JSON.stringify + ours', orders.map(() => ''), ((j = 0) => () => md5(fingerprintInput(orders[j++ % COUNT]!)))())
const [, writer] = time('fingerprint writer', orders.map(() => ''), ((j = 0) => () => orderFingerprint(orders[j++ % COUNT]!).slice(3))())
lines.push('  order fingerprints, whole (normalize, canonical text, md5):')
lines.push(`    ${'JSON.stringify + ours'.padEnd(36)} ${plain.toFixed(0).padStart(6)} ms`)
lines.push(`    ${'fingerprint.ts writer + ours'.padEnd(36)} ${writer.toFixed(0).padStart(6)} ms  ${(writer / plain).toFixed(2)}x`)
process.stdout.write(`${lines.join('\n')}\n`)
