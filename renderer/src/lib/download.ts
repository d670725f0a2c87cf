// Saves bytes main produced (an export) through an ordinary download link, which works the same
// in Electron and in a plain browser.

const TYPES: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
}

export function downloadBytes(name: string, bytes: Uint8Array): void {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
  const blob = new Blob([bytes.slice()], { type: TYPES[extension] ?? 'application/octet-stream' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next turn: the click has handed the URL to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
