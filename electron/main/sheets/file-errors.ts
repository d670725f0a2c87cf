// File-system failures (missing file, a folder, no permission) as SheetErrors, used before the
// worker starts and inside it.
import { sheetReadError, type SheetReadError, why } from './sheet-error'

export function fileSystemError(error: unknown, file: string): SheetReadError {
  const code = (error as { code?: string } | null)?.code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return sheetReadError('not-found', file, 'the file does not exist (it may have been moved, renamed or deleted). Check the path and choose the file again.', why('sheet.notFound'))
    case 'EISDIR':
      return notAFile(file)
    case 'EACCES':
    case 'EPERM':
      return sheetReadError('unreadable', file, 'this app is not allowed to read the file. Check its permissions, or copy it to a folder of yours and choose the copy.', why('sheet.noPermission'))
    case 'EBUSY':
      return sheetReadError('unreadable', file, 'the file is locked by another program. Close it there (for example in Excel) and try again.', why('sheet.locked'))
    default:
      return sheetReadError('unreadable', file, `the file could not be read${code ? ` (${code})` : ''}. Check that it is on a working drive, copy it to a local folder if needed, and try again.`, why(code ? 'sheet.unreadableCode' : 'sheet.unreadable', code ? { code } : undefined))
  }
}

export function notAFile(file: string): SheetReadError {
  return sheetReadError('unreadable', file, 'this is a folder, not a file. Choose the spreadsheet file inside it.', why('sheet.folder'))
}
