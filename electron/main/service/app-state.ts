// What the service remembers between starts, besides the journal: the chosen connection (never
// the key). A small JSON file in the user-data folder.
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from './json-file'

const AccountSchema = z.object({ login: z.string().min(1), domain: z.string().min(1) })

const AppStateSchema = z.object({
  version: z.literal(1),
  /** null: the built-in sandbox. */
  account: AccountSchema.nullable()
})
export type AppState = z.infer<typeof AppStateSchema>
export type Account = z.infer<typeof AccountSchema>

const EMPTY: AppState = { version: 1, account: null }

export class AppStateFile {
  private state: AppState

  constructor(private readonly path: string) {
    const parsed = AppStateSchema.safeParse(readJsonFile(path))
    this.state = parsed.success ? parsed.data : structuredClone(EMPTY)
  }

  get(): Readonly<AppState> {
    return this.state
  }

  update(change: (state: AppState) => AppState): void {
    const next = change(structuredClone(this.state))
    writeJsonFile(this.path, next)
    this.state = next
  }
}
