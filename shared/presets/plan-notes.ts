// The source detection's warnings belong to the plan's counts: an unresolved look-alike, a
// missing price or a product given by title is a warning, never "0 warnings".
import type { ImportPlan } from '../import-plan'
import type { Issue } from '../issue'
import { noteText, type Note } from './notes'

/** The plan with every 'warning' note added as a sheet-wide warning, and each "no column for X
 * was found" error naming the columns that could have been X. */
export function withSourceNotes(plan: ImportPlan, notes: readonly Note[]): ImportPlan {
  const added: Issue[] = notes
    .filter((n) => n.level === 'warning')
    .map((n) => ({ severity: 'warning', code: n.code, row: null, column: null, field: typeof n.params.key === 'string' ? n.params.key : null, order: null, message: noteText(n) }))
  const candidates = new Map(notes.filter((n) => n.code === 'ambiguous.candidates' || n.params.replaces !== undefined).map((n) => [String(n.params.key), n]))
  const issues = plan.issues.map((issue) => {
    if (issue.code !== 'unmapped' || issue.field === null) return issue
    const note = candidates.get(issue.field) ?? candidates.get(issue.field.replace(/^goods\[0\]\[(good_\w+)\]$/, '$1'))
    if (!note) return issue
    return { ...issue, message: noteText(note) }
  })
  // The candidates are named in the error itself: no second warning for them.
  const extra = added.filter((i) => !issues.some((e) => e.code === 'unmapped' && e.message === i.message))
  return { ...plan, issues: [...extra, ...issues], counts: { ...plan.counts, warnings: plan.counts.warnings + extra.length } }
}
