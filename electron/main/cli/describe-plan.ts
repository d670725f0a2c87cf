// Human-readable and JSON descriptions of a prepared import, shared by preview and import.
import type { Issue } from '#shared/plan/issue'
import type { FieldSource, Mapping } from '#shared/mapping/mapping'
import type { PreparedImport } from '../pipeline/prepare-import'
import { limitedList, termName, termText } from './terminal-text'

/** Column names a preview lists at most; the rest are counted. */
export const MAX_LISTED_COLUMNS = 40

const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', tsv: 'TSV', xlsx: 'Excel workbook (.xlsx)', xlsm: 'Excel workbook (.xlsm)', xls: 'Excel 97-2003 workbook (.xls)', ods: 'OpenDocument spreadsheet (.ods)' }

export function describeSource(prepared: PreparedImport): string[] {
  const { meta } = prepared.read
  const lines = [`${termText(meta.file)}: ${FORMAT_NAMES[meta.format] ?? meta.format}`]
  if (meta.sheetNames.length > 1 || meta.format !== 'csv') lines.push(`  sheet:      ${termName(meta.sheet)} (sheets: ${limitedList(meta.sheetNames, MAX_LISTED_COLUMNS)})`)
  if (meta.encoding) lines.push(`  encoding:   ${meta.encoding.value} (${meta.encoding.reason})`)
  if (meta.delimiter) lines.push(`  delimiter:  ${showDelimiter(meta.delimiter.value)} (${meta.delimiter.reason})`)
  lines.push(`  header row: ${meta.headerRow.value} (${meta.headerRow.reason})`)
  return lines
}

function showDelimiter(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`
}

export function describeSourceRef(source: FieldSource): string {
  if (source.kind === 'column') return `column ${termName(source.column)}${source.occurrence && source.occurrence > 1 ? ` (#${source.occurrence})` : ''}`
  if (source.kind === 'constant') return `constant ${termName(source.value)}`
  return 'not mapped'
}

export function describeMapping(prepared: PreparedImport): string[] {
  const { mapping, auto } = prepared
  const confidence = new Map((auto?.matches ?? []).map((m) => [`${m.field}|${m.column}`, m]))
  const lines = [auto ? 'Mapping (matched automatically; save it with "orderbatch mapping" to edit):' : 'Mapping (from file):']
  const row = (field: string, source: FieldSource) => {
    const match = source.kind === 'column' ? confidence.get(`${field}|${source.column}`) : undefined
    const score = match ? `  ${Math.round(match.confidence * 100)}% ${match.reason}` : ''
    lines.push(`  ${field.padEnd(26)} ← ${describeSourceRef(source)}${score}`)
  }
  mapping.goods.forEach((good, i) => {
    row(`goods[${i}][good_name]`, good.name.source)
    if (good.sum && good.sum.source.kind !== 'none') row(`goods[${i}][good_sum]`, good.sum.source)
  })
  for (const [field, fm] of Object.entries(mapping.fields)) if (fm && fm.source.kind !== 'none') row(field, fm.source)
  if (mapping.groupBy) lines.push(`  orders grouped by column ${termName(mapping.groupBy.column)}`)
  if (mapping.shipped) lines.push('  goods are shipped: delivery fields are required')
  for (const a of (auto?.ambiguities ?? []).slice(0, MAX_LISTED_COLUMNS)) lines.push(`  ambiguous: ${termText(a.message)}`)
  // A sheet may have thousands of columns: name the first ones and count the rest.
  if (auto && auto.unmatchedHeaders.length > 0) lines.push(`  columns not used: ${limitedList(auto.unmatchedHeaders, MAX_LISTED_COLUMNS)}`)
  return lines
}

export function describeCounts(prepared: PreparedImport): string {
  const c = prepared.plan.counts
  return `Rows: ${c.rows}   Orders: ${c.orders}   Valid orders: ${c.validOrders}   Errors: ${c.errors}   Warnings: ${c.warnings}`
}

export function describeIssues(issues: readonly Issue[], limit: number): string[] {
  if (issues.length === 0) return []
  const shown = issues.slice(0, limit)
  const lines = [`Problems${issues.length > limit ? ` (first ${limit} of ${issues.length})` : ''}:`]
  for (const issue of shown) lines.push(`  ${issue.severity === 'error' ? 'error  ' : 'warning'} ${termText(issue.message)}`)
  return lines
}

export function planAsJson(prepared: PreparedImport, mapping: Mapping = prepared.mapping) {
  const { meta } = prepared.read
  return {
    file: meta.file,
    format: meta.format,
    sheet: meta.sheet,
    sheets: meta.sheetNames,
    encoding: meta.encoding ?? null,
    delimiter: meta.delimiter ?? null,
    headerRow: meta.headerRow,
    headers: prepared.read.table.headers,
    mapping,
    mappingSource: prepared.auto ? 'auto' : 'file',
    matches: prepared.auto?.matches ?? [],
    ambiguities: prepared.auto?.ambiguities ?? [],
    counts: prepared.plan.counts,
    issues: prepared.plan.issues
  }
}
