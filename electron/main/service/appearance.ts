// The appearance setting (system, light, dark), kept in appearance.json in the data folder. The
// desktop shell listens, to hand it to nativeTheme.
import { join } from 'node:path'
import { DEFAULT_APPEARANCE, isAppearance, type Appearance } from '#shared/ipc/appearance'
import { readJsonFile, writeJsonFile } from './json-file'

export class AppearanceStore {
  private readonly path: string
  private readonly listeners = new Set<(appearance: Appearance) => void>()

  constructor(userDataDir: string) {
    this.path = join(userDataDir, 'appearance.json')
  }

  get(): Appearance {
    const file = readJsonFile(this.path) as { appearance?: unknown } | null
    return isAppearance(file?.appearance) ? file.appearance : DEFAULT_APPEARANCE
  }

  set(appearance: Appearance): Appearance {
    writeJsonFile(this.path, { appearance })
    for (const listener of this.listeners) listener(appearance)
    return appearance
  }

  onChange(listener: (appearance: Appearance) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
