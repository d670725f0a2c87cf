// Human-readable and JSON descriptions of a prepared import, shared by preview and import.
import type { Issue } from '#shared/plan/issue'
import type { FieldSource, Mapping } from '#shared/mapping/mapping'
import type { Translate } from '#shared/i18n/translate'
import type { PreparedImport } from '../pipeline/prepare-import'
import { ENGLISH } from './lang'
import { limitedList, termName, termText } from './terminal-text'

/** Column names a preview lists at most; the rest are counted. */
export const MAX_LISTED_COLUMNS = 40

const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', tsv: 'TSV', xlsx: 'Excel workbook (.xlsx)', xlsm: 'Excel workbook (.xlsm)', xls: 'Excel 97-2003 workbook (.xls)', ods: 'OpenDocument spreadsheet (.ods)' }

export function describeSource(prepared: PreparedImport, t: Translate = ENGLISH): string[] {
  const { meta } = prepared.read
  const lines = [`${termText(meta.file)}: ${FORMAT_NAMES[meta.format] ?? meta.format}`]
  if (meta.sheetNames.length > 1 || meta.format !== 'csv') lines.push(t('cli.plan.sheet', { sheet: termName(meta.sheet), sheets: limitedList(meta.sheetNames, MAX_LISTED_COLUMNS) }))
  if (meta.encoding) lines.push(t('cli.plan.encoding', { value: meta.encoding.value, reason: meta.encoding.reason }))
  if (meta.delimiter) lines.push(t('cli.plan.delimiter', { value: showDelimiter(meta.delimiter.value, t), reason: meta.delimiter.reason }))
  lines.push(t('cli.plan.headerRow', { value: meta.headerRow.value, reason: meta.headerRow.reason }))
  return lines
}

function showDelimiter(d: string, t: Translate): string {
  return d === '\t' ? t('cli.plan.tab') : `"${d}"`
}

export function describeSourceRef(source: FieldSource, t: Translate = ENGLISH): string {
  if (source.kind === 'column') {
    return source.occurrence && source.occurrence > 1
      ? t('cli.plan.columnOccurrence', { column: termName(source.column), occurrence: source.occurrence })
      : t('cli.plan.column', { column: termName(source.column) })
  }
  if (source.kind === 'constant') return t('cli.plan.constant', { value: termName(source.value) })
  return t('cli.plan.notMapped')
}

export function describeMapping(prepared: PreparedImport, t: Translate = ENGLISH): string[] {
  const { mapping, auto } = prepared
  const confidence = new Map((auto?.matches ?? []).map((m) => [`${m.field}|${m.column}`, m]))
  const lines = [auto ? t('cli.plan.mappingAuto') : t('cli.plan.mappingFile')]
  const row = (field: string, source: FieldSource) => {
    const match = source.kind === 'column' ? confidence.get(`${field}|${source.column}`) : undefined
    const score = match ? `  ${Math.round(match.confidence * 100)}% ${match.reason}` : ''
    lines.push(`  ${field.padEnd(26)} ← ${describeSourceRef(source, t)}${score}`)
  }
  mapping.goods.forEach((good, i) => {
    row(`goods[${i}][good_name]`, good.name.source)
    if (good.sum && good.sum.source.kind !== 'none') row(`goods[${i}][good_sum]`, good.sum.source)
  })
  for (const [field, fm] of Object.entries(mapping.fields)) if (fm && fm.source.kind !== 'none') row(field, fm.source)
  if (mapping.groupBy) lines.push(t('cli.plan.groupedBy', { column: termName(mapping.groupBy.column) }))
  if (mapping.shipped) lines.push(t('cli.plan.shipped'))
  for (const a of (auto?.ambiguities ?? []).slice(0, MAX_LISTED_COLUMNS)) lines.push(t('cli.plan.ambiguous', { message: termText(a.message) }))
  // A sheet may have thousands of columns: name the first ones and count the rest.
  if (auto && auto.unmatchedHeaders.length > 0) lines.push(t('cli.plan.unused', { columns: limitedList(auto.unmatchedHeaders, MAX_LISTED_COLUMNS) }))
  return lines
}

export function describeCounts(prepared: PreparedImport, t: Translate = ENGLISH): string {
  const c = prepared.plan.counts
  return t('cli.plan.counts', { rows: c.rows, orders: c.orders, valid: c.validOrders, errors: c.errors, warnings: c.warnings })
}

export function describeIssues(issues: readonly Issue[], limit: number, t: Translate = ENGLISH): string[] {
  if (issues.length === 0) return []
  const shown = issues.slice(0, limit)
  const lines = [issues.length > limit ? t('cli.plan.problemsFirst', { limit, count: issues.length }) : t('cli.plan.problems')]
  for (const issue of shown) lines.push(`  ${issue.severity === 'error' ? t('cli.plan.error') : t('cli.plan.warning')} ${termText(issue.message)}`)
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
