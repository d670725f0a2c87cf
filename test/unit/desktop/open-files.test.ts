import { describe, expect, it } from 'vitest'
import { sheetInArgs } from '../../../electron/main/desktop/open-files'

const exists = (path: string) => !path.includes('missing')

describe('a file named on the command line', () => {
  it('is the first existing spreadsheet after the program, skipping options', () => {
    expect(sheetInArgs(['Orderbatch.exe', '--allow-file-access', 'C:\\orders\\March.XLSX'], exists)).toBe('C:\\orders\\March.XLSX')
    expect(sheetInArgs(['/opt/Orderbatch/orderbatch', '/home/me/missing.csv', '/home/me/orders.csv'], exists)).toBe('/home/me/orders.csv')
  })

  it('is none for the app folder, other files or nothing', () => {
    expect(sheetInArgs(['electron', '.'], exists)).toBeNull()
    expect(sheetInArgs(['orderbatch', '/home/me/notes.pdf'], exists)).toBeNull()
    expect(sheetInArgs(['orderbatch.csv'], exists)).toBeNull()
  })
})
