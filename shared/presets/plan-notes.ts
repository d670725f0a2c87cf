// The source detection's warnings belong to the plan's counts: an unresolved look-alike, a
// missing price or a product given by title is a warning, never "0 warnings".
import type { ImportPlan } from '../plan/import-plan'
import type { Issue } from '../plan/issue'
import { noteText, type Note } from './notes'
import { noteParams, planIssue } from '../plan/issue-text'
import type { Mapping } from '../mapping/mapping'

/** Whether a warning still holds after the user changed the mapping (the app re-plans on each
 * change; the notes were made for the first mapping). */
function stillApplies(note: Note, mapping: Mapping): boolean {
  const good = mapping.goods[0]
  const column = (f: { source: { kind: string; column?: string } } | undefined) => (f?.source.kind === 'column' ? f.source.column : undefined)
  switch (note.code) {
    case 'price.none':
      return good?.sum === undefined || good.sum.source.kind === 'none'
    case 'product.title-only':
      return column(good?.name) === note.params.column
    case 'quantity.ignored':
      return !mapping.goods.some((g) => g.quantity !== undefined)
    case 'date.ambiguous':
      return mapping.defaults.dateOrder === 'auto'
    case 'ambiguous.candidates': {
      const key = String(note.params.key)
      const m = /^goods\[(\d+)\]\[(good_name|good_sum)\]$/.exec(key)
      if (key === 'groupBy') return mapping.groupBy === null
      if (m) {
        const g = mapping.goods[Number(m[1])]
        const f = m[2] === 'good_name' ? g?.name : g?.sum
        return f === undefined || f.source.kind === 'none'
      }
      const f = mapping.fields[key as keyof Mapping['fields']]
      return f === undefined || f.source.kind === 'none'
    }
    default:
      return true
  }
}

/** The plan with every 'warning' note added as a sheet-wide warning, and each "no column for X
 * was found" error naming the columns that could have been X. */
export function withSourceNotes(plan: ImportPlan, notes: readonly Note[], mapping?: Mapping): ImportPlan {
  const added: Issue[] = notes
    .filter((n) => n.level === 'warning' && n.params.replaces === undefined && (!mapping || stillApplies(n, mapping)))
    .map((n) => planIssue({ severity: 'warning', code: n.code, row: null, column: null, field: typeof n.params.key === 'string' ? n.params.key : null, order: null, key: 'issue.note', params: noteParams(n) }))
  const candidates = new Map(notes.filter((n) => n.code === 'ambiguous.candidates' || n.params.replaces !== undefined).map((n) => [String(n.params.key), n]))
  const issues = plan.issues.map((issue) => {
    if (issue.code !== 'unmapped' || issue.field === null) return issue
    const note = candidates.get(issue.field) ?? candidates.get(issue.field.replace(/^goods\[0\]\[(good_\w+)\]$/, '$1'))
    if (!note) return issue
    // The note words this issue now, in place of the unmapped sentence.
    return { ...issue, key: 'issue.note', params: noteParams(note), message: noteText(note) }
  })
  // The candidates are named in the error itself: no second warning for them.
  const extra = added.filter((i) => !issues.some((e) => e.code === 'unmapped' && e.message === i.message))
  return { ...plan, issues: [...extra, ...issues], counts: { ...plan.counts, warnings: plan.counts.warnings + extra.length } }
}
