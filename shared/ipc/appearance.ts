// The app's appearance setting: follow the system (the browser, in the browser host), or always
// light, or always dark. The renderer applies it as data-theme on <html>; the desktop app also
// hands it to Electron's nativeTheme, so the window frame and dialogs match.
export const APPEARANCES = ['system', 'light', 'dark'] as const
export type Appearance = (typeof APPEARANCES)[number]
export type Theme = 'light' | 'dark'

export const DEFAULT_APPEARANCE: Appearance = 'system'

export const APPEARANCE_LABELS: Record<Appearance, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark'
}

export function isAppearance(value: unknown): value is Appearance {
  return typeof value === 'string' && (APPEARANCES as readonly string[]).includes(value)
}

/** The theme to show: the setting, or the system's preference when it says 'system'. */
export function effectiveTheme(appearance: Appearance, systemPrefersDark: boolean): Theme {
  if (appearance === 'system') return systemPrefersDark ? 'dark' : 'light'
  return appearance
}
