import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ChannelInput, GridRow } from '#shared/ipc/contract'
import { ReviewScreen } from '../../renderer/src/screens/review/ReviewScreen'
import { ROW_HEIGHT } from '../../renderer/src/screens/review/grid-geometry'
import { TID } from '../../renderer/src/test-ids'
import { createFakeApi } from './fake-api'
import { counts, gridRow, issue, session } from './fixtures'
import { renderWithApi, WithSession } from './render'

const TOTAL = 100_000
/** Every 1000th row has a bad e-mail; row index 3 was created by an earlier run. */
function rowAt(index: number, edits: Map<number, GridRow>): GridRow {
  const row = index + 2
  const edited = edits.get(row)
  if (edited) return edited
  if (index % 1000 === 0) {
    return gridRow(index, { issues: [issue({ row, message: `Row ${row}, column "E-mail": "x@" is not an e-mail address. Fix the address.` })] })
  }
  if (index === 3) return gridRow(index, { alreadyCreated: 5512 })
  return gridRow(index)
}

function setup() {
  const edits = new Map<number, GridRow>()
  let excluded = 0
  const api = createFakeApi({
    'rows.page': ({ offset, limit, filter }: ChannelInput<'rows.page'>) => {
      const indexes = filter === 'problems' ? Array.from({ length: TOTAL / 1000 }, (_, k) => k * 1000) : null
      const total = indexes ? indexes.length : TOTAL
      const rows: GridRow[] = []
      for (let i = offset; i < Math.min(offset + limit, total); i++) rows.push(rowAt(indexes ? indexes[i]! : i, edits))
      return { total, rows, counts: counts({ rows: TOTAL, excludedRows: excluded }) }
    },
    'rows.edit': ({ row, column, value }) => {
      const index = row - 2
      const old = rowAt(index, edits)
      const cells = old.cells.slice()
      cells[column] = value
      const next: GridRow = { ...old, cells, issues: [], edited: true }
      edits.set(row, next)
      return { row: next, counts: counts({ rows: TOTAL, errors: 4 }) }
    },
    'rows.exclude': ({ rows, excluded: out }) => {
      excluded += out ? rows.length : -rows.length
      return { counts: counts({ rows: TOTAL, excludedRows: excluded }) }
    }
  })
  const summary = session()
  renderWithApi(<WithSession summary={summary}>{(state) => <ReviewScreen state={state} onNext={() => undefined} />}</WithSession>, api)
  return { api, user: userEvent.setup() }
}

function renderedRows(grid: HTMLElement): HTMLElement[] {
  return Array.from(grid.querySelectorAll<HTMLElement>('.grid-body [role="row"]'))
}

describe('Review screen', () => {
  it('puts only the rows in view in the DOM, for 100,000 rows, and fetches pages as the user scrolls', async () => {
    const { api } = setup()
    await screen.findByTestId(TID.review.row(2))
    const grid = screen.getByTestId(TID.review.grid)
    expect(grid.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1))
    const body = grid.querySelector<HTMLElement>('.grid-body')!
    expect(body.style.height).toBe(`${TOTAL * ROW_HEIGHT}px`)
    expect(renderedRows(grid).length).toBeGreaterThan(10)
    expect(renderedRows(grid).length).toBeLessThan(50)
    expect(api.inputsOf('rows.page').every((p) => p.limit === 200 && p.filter === 'all')).toBe(true)

    grid.scrollTop = 50_000 * ROW_HEIGHT
    fireEvent.scroll(grid)
    expect(await screen.findByTestId(TID.review.row(50_002))).toBeTruthy()
    expect(screen.queryByTestId(TID.review.row(2))).toBeNull()
    expect(renderedRows(grid).length).toBeLessThan(50)
    const offsets = api.inputsOf('rows.page').map((p) => p.offset)
    expect(offsets).toContain(50_000)
    // Only the pages around the two places looked at, not the 500 pages in between.
    expect(new Set(offsets).size).toBeLessThanOrEqual(4)
    const row = screen.getByTestId(TID.review.row(50_002))
    expect(row.style.transform).toBe(`translateY(${50_000 * ROW_HEIGHT}px)`)
  })

  it('keeps all four lead columns, Order and Status too, sticky side by side so none hides under another', async () => {
    setup()
    await screen.findByTestId(TID.review.row(2))
    const grid = screen.getByTestId(TID.review.grid)
    const rows = [grid.querySelector<HTMLElement>('.grid-head [role="row"]')!, screen.getByTestId(TID.review.row(2))]
    for (const row of rows) {
      const leads = Array.from(row.children).slice(0, 4) as HTMLElement[]
      let edge = 0
      for (const cell of leads) {
        expect(cell.classList.contains('lead')).toBe(true)
        // Each sticky cell starts where the one before it ends: no gap for data to show through, no overlap.
        expect(cell.style.left).toBe(`${edge}px`)
        edge += parseFloat(cell.style.width)
      }
      expect(row.children[4]!.classList.contains('lead')).toBe(false)
    }
    expect(screen.getByTestId(TID.review.row(2)).children[3]!.textContent).toBe('1 problem')
  })

  it('shows only rows with problems when asked, with the problem on its cell and in the side panel', async () => {
    const { api, user } = setup()
    await screen.findByTestId(TID.review.row(2))
    await user.click(screen.getByTestId(TID.review.problemsOnly))
    await waitFor(() => expect(api.lastInput('rows.page')).toMatchObject({ filter: 'problems', offset: 0 }))
    await screen.findByTestId(TID.review.row(1002))
    const grid = screen.getByTestId(TID.review.grid)
    expect(grid.getAttribute('aria-rowcount')).toBe('101')
    expect(screen.queryByTestId(TID.review.row(3))).toBeNull()

    const cell = screen.getByTestId(TID.review.cell(1002, 1))
    expect(cell.className).toContain('cell-error')
    expect(cell.getAttribute('title')).toBe('Row 1002, column "E-mail": "x@" is not an e-mail address. Fix the address.')
    expect(screen.getByTestId(TID.review.cell(1002, 3)).className).not.toContain('cell-error')

    await user.click(cell)
    const panel = screen.getByTestId(TID.review.panel)
    expect(within(panel).getByRole('heading').textContent).toBe('Row 1002 · order 1001')
    expect(panel.textContent).toContain('"x@" is not an e-mail address')
  })

  it('starts the filtered list from its top even when the user had scrolled far down', async () => {
    const { user } = setup()
    await screen.findByTestId(TID.review.row(2))
    const grid = screen.getByTestId(TID.review.grid)
    grid.scrollTop = 70_000 * ROW_HEIGHT
    fireEvent.scroll(grid)
    await screen.findByTestId(TID.review.row(70_002))
    await user.click(screen.getByTestId(TID.review.problemsOnly))
    expect(await screen.findByTestId(TID.review.row(1002))).toBeTruthy()
    expect(screen.getByTestId(TID.review.row(2)).textContent).toContain('1 problem')
    expect(screen.getByTestId(TID.review.grid).textContent).not.toContain('Loading…')

    await user.click(screen.getByTestId(TID.review.problemsOnly))
    expect((await screen.findByTestId(TID.review.row(3))).textContent).toContain('Ready')
  })

  it('edits a cell on double click: Enter sends rows.edit and the row revalidates', async () => {
    const { api, user } = setup()
    const cell = await screen.findByTestId(TID.review.cell(2, 1))
    expect(cell.className).toContain('cell-error')
    await user.dblClick(cell)
    const editor = screen.getByTestId(TID.review.editor) as HTMLInputElement
    expect(editor.value).toBe('E-mail 2')
    expect(document.activeElement).toBe(editor)
    await user.clear(editor)
    await user.type(editor, 'anna@example.com{Enter}')

    await waitFor(() => expect(api.inputsOf('rows.edit')).toEqual([{ sessionId: 's-1', row: 2, column: 1, value: 'anna@example.com' }]))
    await waitFor(() => expect(screen.getByTestId(TID.review.cell(2, 1)).textContent).toBe('anna@example.com'))
    expect(screen.getByTestId(TID.review.cell(2, 1)).className).not.toContain('cell-error')
    expect(screen.queryByTestId(TID.review.editor)).toBeNull()
    expect(screen.getByTestId(TID.counts).querySelector('[data-count="errors"] dd')?.textContent).toBe('4')
  })

  it('moves with the arrow keys, edits with Enter and cancels with Escape', async () => {
    const { api, user } = setup()
    await user.click(await screen.findByTestId(TID.review.cell(2, 1)))
    const grid = screen.getByTestId(TID.review.grid)
    expect(document.activeElement).toBe(grid)
    expect(screen.getByTestId(TID.review.cell(2, 1)).getAttribute('aria-selected')).toBe('true')

    await user.keyboard('{ArrowRight}{ArrowDown}')
    const target = screen.getByTestId(TID.review.cell(3, 2))
    expect(target.getAttribute('aria-selected')).toBe('true')
    expect(grid.getAttribute('aria-activedescendant')).toBe(target.id)
    expect(screen.getByTestId(TID.review.cell(2, 1)).getAttribute('aria-selected')).toBe('false')

    await user.keyboard('{Enter}')
    const editor = screen.getByTestId(TID.review.editor) as HTMLInputElement
    await user.type(editor, ' changed')
    await user.keyboard('{Escape}')
    expect(screen.queryByTestId(TID.review.editor)).toBeNull()
    expect(screen.getByTestId(TID.review.cell(3, 2)).textContent).toBe('E-mail 2 3')
    expect(document.activeElement).toBe(grid)

    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowLeft}{ArrowLeft}{ArrowLeft}')
    expect(screen.getByTestId(TID.review.cell(2, 0)).getAttribute('aria-selected')).toBe('true')
    expect(api.inputsOf('rows.edit')).toEqual([])
  })

  it('excludes and includes a row with its checkbox or Space, and updates the counts', async () => {
    const { api, user } = setup()
    const include = (await screen.findByTestId(TID.review.include(4))) as HTMLInputElement
    expect(include.checked).toBe(true)
    await user.click(include)
    await waitFor(() => expect(api.inputsOf('rows.exclude')).toEqual([{ sessionId: 's-1', rows: [4], excluded: true }]))
    await waitFor(() => expect((screen.getByTestId(TID.review.include(4)) as HTMLInputElement).checked).toBe(false))
    expect(screen.getByTestId(TID.review.row(4)).textContent).toContain('Excluded')
    expect(screen.getByTestId(TID.counts).querySelector('[data-count="excludedRows"] dd')?.textContent).toBe('1')

    await user.click(screen.getByTestId(TID.review.cell(4, 2)))
    await user.keyboard(' ')
    await waitFor(() => expect(api.lastInput('rows.exclude')).toEqual({ sessionId: 's-1', rows: [4], excluded: false }))
    await waitFor(() => expect((screen.getByTestId(TID.review.include(4)) as HTMLInputElement).checked).toBe(true))
  })

  it('marks orders already created by an earlier run as skipped', async () => {
    const { user } = setup()
    const row = await screen.findByTestId(TID.review.row(5))
    expect(row.textContent).toContain('Created earlier · skip')
    await user.click(screen.getByTestId(TID.review.cell(5, 1)))
    expect(screen.getByTestId(TID.review.panel).textContent).toContain('already created this order (bill 5512)')
  })
})
