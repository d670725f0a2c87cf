import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, parseWindowState, restoreBounds } from '../../../electron/main/desktop/window-state'

const laptop = { x: 0, y: 0, width: 1920, height: 1050 }
const right = { x: 1920, y: 0, width: 2560, height: 1400 }

describe('window state', () => {
  it('the first start: the default size, centred', () => {
    expect(restoreBounds(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })

  it('comes back where it was, maximized or not', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: true }
    expect(restoreBounds(saved, [laptop, right])).toEqual({ bounds: saved.bounds, maximized: true })
  })

  it('a place on a screen that is gone is dropped (centred on the screen left), and the size fits it', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 2400, height: 1300 }, maximized: false }
    expect(restoreBounds(saved, [laptop])).toEqual({ bounds: { width: 1920, height: 1050 }, maximized: false })
  })

  it('a window hanging off the edge is pulled back on screen', () => {
    const saved = { bounds: { x: 1500, y: -50, width: 1200, height: 800 }, maximized: false }
    expect(restoreBounds(saved, [laptop]).bounds).toEqual({ x: 720, y: 0, width: 1200, height: 800 })
  })

  it('reads only a file it wrote', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 1300, height: 900 }, maximized: false })).not.toBeNull()
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: -5, height: 900 }, maximized: false })).toBeNull()
    expect(parseWindowState('nonsense')).toBeNull()
    expect(parseWindowState(null)).toBeNull()
  })
})
