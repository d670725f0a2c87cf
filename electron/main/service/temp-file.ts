// The renderer hands over file bytes; the sheet reader works on paths (in a worker). The bytes go
// to a private folder (0700) as a file only the user can read (0600), under the file's own name so
// every message still names the user's file, and are removed as soon as the read is over.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export async function withTempFile<T>(tempRoot: string, name: string, bytes: Uint8Array, use: (path: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tempRoot, 'orderbatch-'))
  try {
    const path = join(folder, safeFileName(name))
    await writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
    return await use(path)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** The base name of what the user picked, with anything that could leave the folder removed. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f:*?"<>|]/g, '_').trim().slice(0, 200)
  return clean === '' || clean === '.' || clean === '..' ? 'sheet' : clean
}
