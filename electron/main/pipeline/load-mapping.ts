// Reads a mapping file the user saved (and maybe edited by hand), with messages that point at
// the exact place in the JSON that is wrong.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { MappingSchema, type Mapping } from '#shared/mapping/mapping'
import { LocalizedError, msg } from '#shared/i18n/message'

/** A mapping file that cannot be used, as a message (English in `message`). */
export class MappingFileError extends LocalizedError {
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
      code === 'ENOENT' ? msg('mappingFile.notFound', { name }) : msg('mappingFile.unreadable', { name, code: code ?? msg('mappingFile.unknownError') })
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new MappingFileError(msg('mappingFile.notJson', { name, reason: (error as Error).message }))
  }
  const parsed = MappingSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first && first.path.length > 0 ? first.path.join('.') : msg('mappingFile.topLevel')
    throw new MappingFileError(msg('mappingFile.invalid', { name, where, problem: first?.message ?? msg('mappingFile.invalidMapping') }))
  }
  return parsed.data
}
