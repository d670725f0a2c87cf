// Human-readable and JSON descriptions of a prepared import, shared by preview and import.
import type { Issue } from '#shared/plan/issue'
import { issueText } from '#shared/plan/issue-text'
import type { FieldMapping, FieldSource, Mapping } from '#shared/mapping/mapping'
import { matchReasonText } from '#shared/mapping/auto-map-reasons'
import { noteText, translateNote } from '#shared/presets/notes'
import type { Translate } from '#shared/i18n/translate'
import { detectedReason } from '#shared/sheet/detected-text'
import { renderMessage } from '#shared/i18n/message'
import type { PreparedImport } from '../pipeline/prepare-import'
import { ENGLISH } from './lang'
import { limitedList, termName, termText } from './terminal-text'

/** Column names a preview lists at most; the rest are counted. */
export const MAX_LISTED_COLUMNS = 40

const FORMATS = ['csv', 'tsv', 'xlsx', 'xlsm', 'xls', 'ods'] as const

function formatName(format: string, t: Translate): string {
  return (FORMATS as readonly string[]).includes(format) ? t(`cli.plan.format.${format as (typeof FORMATS)[number]}`) : format
}

export function describeSource(prepared: PreparedImport, t: Translate = ENGLISH): string[] {
  const { meta } = prepared.read
  const lines = [t('cli.plan.fileFormat', { file: termText(meta.file), format: formatName(meta.format, t) })]
  if (meta.sheetNames.length > 1 || meta.format !== 'csv') {
    lines.push(t('cli.plan.sheet', { sheet: termName(meta.sheet), sheets: limitedList(meta.sheetNames, MAX_LISTED_COLUMNS) }))
    if (meta.sheetReason) lines.push(t('cli.plan.sheetReason', { reason: termText(meta.sheetWhy ? renderMessage(t, meta.sheetWhy) : meta.sheetReason), others: limitedList(meta.sheetNames.filter((s) => s !== meta.sheet), MAX_LISTED_COLUMNS) }))
  }
  if (meta.encoding) lines.push(t('cli.plan.encoding', { value: meta.encoding.value, reason: detectedReason(t, meta.encoding) }))
  if (meta.delimiter) lines.push(t('cli.plan.delimiter', { value: showDelimiter(meta.delimiter.value, t), reason: detectedReason(t, meta.delimiter) }))
  lines.push(t('cli.plan.headerRow', { value: meta.headerRow.value, reason: detectedReason(t, meta.headerRow) }))
  return lines
}

function describeTransform(fm: FieldMapping, t: Translate): string {
  const tr = fm.transform
  if (!tr) return ''
  const parts: string[] = []
  if (tr.namePart) parts.push(t(tr.nameOrder === 'surname-first' ? 'cli.plan.namePartSurnameFirst' : 'cli.plan.namePart', { part: t(`cli.plan.namePart.${tr.namePart}`) }))
  if (tr.timeColumn) parts.push(t('cli.plan.timeFrom', { column: tr.timeColumn.column }))
  if (tr.zoneColumn) parts.push(t('cli.plan.zoneFrom', { column: tr.zoneColumn.column }))
  if (tr.dateOrder && tr.dateOrder !== 'auto') parts.push(t(`cli.plan.dateFirst.${tr.dateOrder}`))
  if (tr.timeZone) parts.push(t('cli.plan.inZone', { zone: tr.timeZone }))
  return parts.length > 0 ? ` (${parts.join('; ')})` : ''
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
  if (auto?.source) lines.splice(0, 0, t('cli.plan.recognized', { name: auto.source.name }))
  const guessed = new Set((mapping.guesses ?? []).map((g) => g.field))
  const row = (field: string, fm: FieldMapping) => {
    const source = fm.source
    const match = source.kind === 'column' ? confidence.get(`${field}|${source.column}`) : undefined
    const score = guessed.has(field) ? t('cli.plan.guess') : match ? `  ${Math.round(match.confidence * 100)}% ${matchReasonText(match.why, t)}` : ''
    lines.push(`  ${field.padEnd(26)} ← ${describeSourceRef(source, t)}${describeTransform(fm, t)}${score}`)
  }
  mapping.goods.forEach((good, i) => {
    row(`goods[${i}][good_name]`, good.name)
    if (good.sum && good.sum.source.kind !== 'none') row(`goods[${i}][good_sum]`, good.sum)
    if (good.quantity) {
      const how = t(good.quantity.mode === 'multiply' ? 'cli.plan.quantityMultiply' : 'cli.plan.quantityRepeat')
      const price = t(good.quantity.price === 'line' ? 'cli.plan.priceLine' : 'cli.plan.priceUnit')
      lines.push(t('cli.plan.quantity', { label: t('cli.plan.quantityOf', { i }).padEnd(26), column: good.quantity.column.column, how, price }))
    }
  })
  for (const [field, fm] of Object.entries(mapping.fields)) if (fm && fm.source.kind !== 'none') row(field, fm)
  if (mapping.groupBy) lines.push(`${t('cli.plan.groupedBy', { column: termName(mapping.groupBy.column) })}${guessed.has('groupBy') ? t('cli.plan.guess') : ''}`)
  if (mapping.shipped) lines.push(t('cli.plan.shipped'))
  lines.push(t('cli.plan.timeZone', { zone: mapping.defaults.timeZone }))
  if (mapping.defaults.dateOrder !== 'auto') lines.push(t('cli.plan.datesRead', { order: t(`cli.plan.dateFirst.${mapping.defaults.dateOrder}`) }))
  if (auto) for (const note of auto.notes) lines.push(t(`note.line.${note.level ?? 'info'}`, { text: termText(translateNote(note, t)) }))
  // A sheet may have thousands of columns: name the first ones and count the rest.
  if (auto && auto.unmatchedHeaders.length > 0) lines.push(t('cli.plan.unused', { columns: limitedList(auto.unmatchedHeaders, MAX_LISTED_COLUMNS) }))
  return lines
}

/** The order statuses (and their second calls), the payment date and the backlog auto-cancel,
 * as the preview and the import show them. Nothing when the mapping has no status and no order
 * is a backlog order. */
export function describeStatus(prepared: PreparedImport, t: Translate = ENGLISH): string[] {
  const summary = prepared.plan.status
  const status = prepared.mapping.status
  if (summary === undefined) return []
  const lines: string[] = []
  const word = (choice: string) => t(`status.${choice}` as 'status.paid')
  if (status !== undefined && summary.source.kind === 'column') {
    lines.push(t('cli.plan.statusColumn', { column: termName(summary.source.header), otherwise: word(status.otherwise) }))
    for (const value of summary.values.slice(0, MAX_LISTED_COLUMNS)) {
      lines.push(t('cli.plan.statusValue', { value: termName(value.value), status: word(value.status), count: value.orders, unlisted: value.listed ? '' : t('cli.plan.statusUnlisted') }))
    }
  } else if (summary.source.kind === 'constant') lines.push(t('cli.plan.statusFile', { status: word(summary.source.status) }))
  if (status !== undefined && summary.source.kind !== 'none') {
    lines.push(status.paidAt?.kind === 'column' ? t('cli.plan.paidDateColumn', { column: termName(status.paidAt.column.column) }) : t('cli.plan.paidDateCreated'))
    const c = summary.counts
    lines.push(t('cli.plan.statusCounts', { paid: c.paid, cancel: c.cancel, return: c.return, none: c.none, calls: statusCalls(prepared) }))
  }
  if (summary.backlogNoCancel > 0) lines.push(t('cli.plan.backlogNever', { count: summary.backlogNoCancel }))
  if (summary.backlogShopCancel > 0) lines.push(t('cli.plan.backlogShop', { count: summary.backlogShopCancel }))
  return lines
}

/** API calls the valid orders take: one CreateOrder each, and one UpdateOrderStatus for each
 * order with a status. */
export function statusCalls(prepared: PreparedImport): number {
  let calls = 0
  for (const order of prepared.plan.orders) if (order.errors === 0) calls += order.status === undefined ? 1 : 2
  return calls
}

export function describeCounts(prepared: PreparedImport, t: Translate = ENGLISH): string {
  const c = prepared.plan.counts
  return t('cli.plan.counts', { rows: c.rows, orders: c.orders, valid: c.validOrders, errors: c.errors, warnings: c.warnings })
}

export function describeIssues(issues: readonly Issue[], limit: number, t: Translate = ENGLISH): string[] {
  if (issues.length === 0) return []
  const shown = issues.slice(0, limit)
  const lines = [issues.length > limit ? t('cli.plan.problemsFirst', { limit, count: issues.length }) : t('cli.plan.problems')]
  for (const issue of shown) lines.push(`  ${issue.severity === 'error' ? t('cli.plan.error') : t('cli.plan.warning')} ${termText(issueText(issue, t))}`)
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
    source: prepared.auto?.source ?? null,
    notes: (prepared.auto?.notes ?? []).map((n) => ({ ...n, text: noteText(n) })),
    ambiguities: prepared.auto?.ambiguities ?? [],
    counts: prepared.plan.counts,
    status: prepared.plan.status ?? null,
    issues: prepared.plan.issues
  }
}
