// The window comes back where the user left it: size, position, maximized. Kept as JSON in the
// data folder; a position on a screen that is no longer attached is dropped (the window is
// centred), and a size larger than the screen is shrunk to fit.
import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 800 }
export const MIN_SIZE = { width: 1024, height: 700 }

const RectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() })
const StateSchema = z.object({ bounds: RectSchema, maximized: z.boolean() })

/** What a saved file holds, or null when it is missing or not ours. */
export function parseWindowState(value: unknown): WindowState | null {
  const parsed = StateSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

function overlaps(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/** The bounds to open the window with, given the saved state and the screens' work areas.
 * x/y are left out (the window is centred) when nothing was saved or the saved place is off-screen. */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  if (!saved || workAreas.length === 0) return { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false }
  const { bounds } = saved
  // The screen that shows most of the window; at least a quarter of it must be visible there.
  const best = [...workAreas].sort((a, b) => overlaps(bounds, b) - overlaps(bounds, a))[0] as Rect
  const visible = overlaps(bounds, best) >= (bounds.width * bounds.height) / 4
  const area = visible ? best : (workAreas[0] as Rect)
  const width = Math.max(MIN_SIZE.width, Math.min(bounds.width, area.width))
  const height = Math.max(MIN_SIZE.height, Math.min(bounds.height, area.height))
  if (!visible) return { bounds: { width, height }, maximized: saved.maximized }
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { bounds: { x, y, width, height }, maximized: saved.maximized }
}
