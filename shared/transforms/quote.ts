// Messages quote the offending value so the user can find it; a whole paragraph pasted into
// a cell would drown the message, so long values are cut.

const MAX_QUOTED = 60

export function quote(text: string): string {
  const shown = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text
  return `"${shown}"`
}
