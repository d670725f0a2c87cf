// Which character separates the fields of a text sheet. Excel writes ';' wherever the decimal
// separator is ',' ("1 500,50;2,5"), which defeats guessers that count commas; so each candidate
// is scored by how consistently it splits the lines into the same number of fields, and ',' loses
// points on every line where it would cut a number in two.
import Papa from 'papaparse'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import type { MessageParam, MessageParams } from '#shared/i18n/message'
import type { Detected } from '#shared/sheet/sheet'
import { detected } from './detected'

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const

const SAMPLE_CHARS = 256 * 1024
const SAMPLE_LINES = 200

/** A number written with a decimal comma or comma thousands, with nothing else in the token:
 * "1 500,50", "-2,5", "1.234,56", "1,500.00". */
const COMMA_NUMBER = /^\s*[-+]?(?:\d{1,3}(?:[ \u00a0.']\d{3})+|\d+),\d+\s*$|^\s*[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*$/

export interface SepLine {
  delimiter: string
  /** Characters to skip, line break included. */
  length: number
}

/** Excel's `sep=;` first line names the delimiter and is not part of the data. */
export function readSepLine(text: string): SepLine | null {
  const match = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i.exec(text)
  if (!match || match[1] === '"') return null
  return { delimiter: match[1]!, length: match[0].length }
}

interface Score {
  delimiter: string
  score: number
  columns: number
  /** Share of the sampled lines split into `columns` fields. */
  consistency: number
  /** Share of lines where this delimiter would cut a number. */
  cutsNumbers: number
}

export function detectDelimiter(text: string, preferTab = false): Detected<string> {
  const { sample, lines } = takeSample(text)
  const order = preferTab ? ['\t', ',', ';', '|'] : [...DELIMITER_CANDIDATES]
  const scores = order.map((delimiter) => scoreCandidate(sample, lines, delimiter))
  const ranked = [...scores].sort((a, b) => b.score - a.score)
  const best = ranked[0]!
  if (best.score <= 0) {
    return detected(order[0]!, 0.3, 'no delimiter found: every line is a single column', 'detect.noDelimiter')
  }
  const runnerUp = ranked[1]!.score
  const confidence = Math.round((0.5 + 0.5 * (1 - runnerUp / best.score)) * 100) / 100
  const why = explain(best, scores)
  return detected(best.delimiter, Math.min(0.99, confidence), why.english, why.key, why.params)
}

function takeSample(text: string): { sample: string; lines: string[] } {
  let sample = text.slice(0, sampleEnd(text))
  // Drop a line cut in half by the sample boundary.
  if (sample.length < text.length) {
    const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'))
    if (lastBreak > 0) sample = sample.slice(0, lastBreak)
  }
  const lines = sample.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').slice(0, SAMPLE_LINES)
  return { sample, lines }
}

/** Where the sample ends: after twice SAMPLE_LINES line breaks (room for cells that span lines),
 * or at SAMPLE_CHARS. Every candidate parses the sample, so it holds no more than is scored. */
function sampleEnd(text: string): number {
  const most = Math.min(text.length, SAMPLE_CHARS)
  let at = -1
  for (let n = 0; n < SAMPLE_LINES * 2; n++) {
    at = text.indexOf('\n', at + 1)
    if (at < 0 || at >= most) return most
  }
  return at + 1
}

function scoreCandidate(sample: string, lines: readonly string[], delimiter: string): Score {
  const parsed = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_LINES, skipEmptyLines: 'greedy', dynamicTyping: false })
  const counts = parsed.data.map((row) => row.length)
  const columns = modeAboveOne(counts)
  const empty: Score = { delimiter, score: 0, columns: 1, consistency: 0, cutsNumbers: 0 }
  if (columns === 0 || counts.length === 0) return empty
  const consistency = counts.filter((count) => count === columns).length / counts.length
  const cutsNumbers = delimiter === ',' ? shareOfLinesWithCommaNumbers(lines) : 0
  const score = consistency * (1 + Math.log2(columns)) * (1 - cutsNumbers)
  return { delimiter, score, columns, consistency, cutsNumbers }
}

/** The most frequent field count among lines that were split at all (ties: more fields). */
function modeAboveOne(counts: readonly number[]): number {
  const tally = new Map<number, number>()
  for (const count of counts) if (count > 1) tally.set(count, (tally.get(count) ?? 0) + 1)
  let best = 0
  let bestTally = 0
  for (const [count, seen] of tally) {
    if (seen > bestTally || (seen === bestTally && count > best)) {
      best = count
      bestTally = seen
    }
  }
  return best
}

/** Lines holding a comma-number between other delimiters (";1 500,50;"): there ',' is part of
 * the number, not a separator. */
function shareOfLinesWithCommaNumbers(lines: readonly string[]): number {
  if (lines.length === 0) return 0
  let cutting = 0
  for (const line of lines) {
    if (!/[;\t|]/.test(line)) continue
    if (line.split(/[;\t|]/).some((token) => COMMA_NUMBER.test(token))) cutting++
  }
  return cutting / lines.length
}

function explain(best: Score, scores: readonly Score[]): { english: string; key: CatalogKey; params: MessageParams } {
  const share = Math.round(best.consistency * 100)
  const columns = `${best.columns} ${best.columns === 1 ? 'column' : 'columns'}`
  let english = `${describe(best.delimiter)} gives ${columns} on ${share === 100 ? 'every line' : `${share}% of lines`}`
  const comma = scores.find((s) => s.delimiter === ',')
  const cutsNumbers = best.delimiter !== ',' && comma !== undefined && comma.cutsNumbers > 0
  if (cutsNumbers) english += '; "," would split numbers with a decimal comma'
  const delimiter: MessageParam = best.delimiter === '\t' ? { key: 'detect.tab' } : `"${best.delimiter}"`
  const key: CatalogKey = share === 100 ? (cutsNumbers ? 'detect.delimiterEveryComma' : 'detect.delimiterEvery') : cutsNumbers ? 'detect.delimiterShareComma' : 'detect.delimiterShare'
  return { english, key, params: share === 100 ? { delimiter, count: best.columns } : { delimiter, count: best.columns, share } }
}

export function describe(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`
}
