// Reads a mapping file the user saved (and maybe edited by hand), with messages that point at
// the exact place in the JSON that is wrong.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { MappingSchema, type Mapping } from '#shared/mapping/mapping'

export class MappingFileError extends Error {
  override readonly name = 'MappingFileError'
}

export async function loadMappingFile(path: string): Promise<Mapping> {
  const name = basename(path)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new MappingFileError(
      code === 'ENOENT' ? `${name}: mapping file not found. Check the path given to --mapping.` : `${name}: the mapping file cannot be read (${code ?? 'unknown error'}).`
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new MappingFileError(`${name}: not valid JSON (${(error as Error).message}). Fix the file, or write a new one with "orderbatch mapping".`)
  }
  const parsed = MappingSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first && first.path.length > 0 ? first.path.join('.') : 'the top level'
    throw new MappingFileError(`${name}: ${where}: ${first?.message ?? 'invalid mapping'}. Write a fresh one with "orderbatch mapping <file> --out ${name}" and compare.`)
  }
  return parsed.data
}
