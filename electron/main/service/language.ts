// The language chosen with the in-app switch, as main keeps it: null until the user picks one
// (the system's then). The desktop app keeps it in language.json in the data folder, so its
// first menu is already in that language at the next start, before the window has said anything;
// the browser host keeps it for the session only (no shell of its own to dress, and one browser's
// choice must not change the desktop app's menu). The desktop shell listens.
import { join } from 'node:path'
import { languageOf, type Language } from '#shared/i18n/language'
import { readJsonFile, writeJsonFile } from './json-file'

export class LanguageStore {
  private readonly path: string | null
  private chosen: Language | null
  private readonly listeners = new Set<(language: Language | null) => void>()

  /** `userDataDir` null: remembered in memory only. */
  constructor(userDataDir: string | null) {
    this.path = userDataDir === null ? null : join(userDataDir, 'language.json')
    const file = this.path === null ? null : (readJsonFile(this.path) as { language?: unknown } | null)
    this.chosen = typeof file?.language === 'string' ? languageOf(file.language) : null
  }

  get(): Language | null {
    return this.chosen
  }

  set(language: Language | null): Language | null {
    if (this.path !== null) writeJsonFile(this.path, { language })
    this.chosen = language
    for (const listener of this.listeners) listener(language)
    return language
  }

  onChange(listener: (language: Language | null) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
