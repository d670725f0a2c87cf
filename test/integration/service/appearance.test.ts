// The appearance setting: system until changed, kept in the data folder, told to the desktop shell.
import { afterEach, describe, expect, it } from 'vitest'
import { effectiveTheme } from '#shared/ipc/appearance'
import { removeDir, startTestApp, type TestApp } from './helpers'

let apps: TestApp[] = []
afterEach(async () => {
  for (const app of apps) await app.close()
  for (const app of apps) removeDir(app.dir)
  apps = []
})

describe('appearance', () => {
  it('follows the system until set, and a setting survives a restart', async () => {
    const app = await startTestApp()
    apps.push(app)
    expect(await app.ok('appearance.get', {})).toEqual({ appearance: 'system' })
    const told: string[] = []
    app.service.onAppearanceChange?.((appearance) => told.push(appearance))
    expect(await app.ok('appearance.set', { appearance: 'dark' })).toEqual({ appearance: 'dark' })
    expect(told).toEqual(['dark'])
    await app.close()
    const again = await startTestApp({ dir: app.dir })
    apps = [again]
    expect(await again.ok('appearance.get', {})).toEqual({ appearance: 'dark' })
  })

  it('refuses anything but system, light or dark', async () => {
    const app = await startTestApp()
    apps.push(app)
    const result = await app.call('appearance.set', { appearance: 'purple' } as never)
    expect(result.ok).toBe(false)
    expect(await app.ok('appearance.get', {})).toEqual({ appearance: 'system' })
  })

  it('system means what the system (or the browser) prefers', () => {
    expect(effectiveTheme('system', true)).toBe('dark')
    expect(effectiveTheme('system', false)).toBe('light')
    expect(effectiveTheme('light', true)).toBe('light')
    expect(effectiveTheme('dark', false)).toBe('dark')
  })
})
