// The module layout as a checked fact: shared/ has no import circle (a circle means two modules
// are one idea split badly, and it breaks the order in which bundlers evaluate them), and every
// import inside the project resolves to a file.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const sharedRoot = join(root, 'shared')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

function resolveModule(from: string, specifier: string): string | null {
  let base: string
  if (specifier.startsWith('#shared/')) base = join(sharedRoot, specifier.slice('#shared/'.length))
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier)
  else return null
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return 'unresolved'
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/g

/** Every project import of a file; type-only imports count, as they tie the modules together too. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(IMPORT)].map((match) => match[1]!)
}

export function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | null => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next]
      if (!state.has(next)) {
        const cycle = visit(next)
        if (cycle) return cycle
      }
    }
    stack.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node)
      if (cycle) return cycle
    }
  }
  return null
}

describe('the import graph', () => {
  it('finds a circle when there is one (the check itself works)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', []]])
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a'])
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeNull()
  })

  it('has no circle in shared/', () => {
    const graph = new Map<string, string[]>()
    for (const file of sourceFiles(sharedRoot)) {
      const targets = importsOf(file)
        .map((specifier) => resolveModule(file, specifier))
        .filter((target): target is string => target !== null && target !== 'unresolved')
      graph.set(relative(root, file), targets.map((target) => relative(root, target)))
    }
    expect(findCycle(graph)).toBeNull()
  })

  it('resolves every relative and #shared import in the project', () => {
    const unresolved: string[] = []
    for (const dir of ['shared', 'electron', 'renderer/src', 'test']) {
      for (const file of sourceFiles(join(root, dir))) {
        for (const specifier of importsOf(file)) {
          if (resolveModule(file, specifier) === 'unresolved') unresolved.push(`${relative(root, file)}: ${specifier}`)
        }
      }
    }
    expect(unresolved).toEqual([])
  })

  it('reaches shared/ from outside it only through #shared, never by climbing directories', () => {
    const climbing: string[] = []
    for (const dir of ['electron', 'renderer/src', 'test']) {
      for (const file of sourceFiles(join(root, dir))) {
        for (const specifier of importsOf(file)) {
          if (specifier.startsWith('.') && /(^|\/)shared\//.test(specifier)) climbing.push(`${relative(root, file)}: ${specifier}`)
        }
      }
    }
    expect(climbing).toEqual([])
  })
})
