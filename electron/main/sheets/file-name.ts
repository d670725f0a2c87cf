// File-name helpers that accept both / and \ separators: names come from the CLI, from dialogs
// on Windows, and from benchmarks that pass full paths.

export function baseName(path: string): string {
  const parts = path.split(/[/\\]/)
  return parts[parts.length - 1] || path
}

/** Lower-case extension without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const base = baseName(name)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

export function stemOf(name: string): string {
  const base = baseName(name)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

/** The same name with another extension, for "rename it to ..." advice. */
export function withExtension(name: string, extension: string): string {
  return `${stemOf(name)}.${extension}`
}
