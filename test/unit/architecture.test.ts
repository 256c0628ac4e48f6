import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The house has no import cycles, type-only imports included: a cycle of "just types" still ties
 * two modules together (they cannot move or split apart), and lint's import-x/no-cycle skips type
 * imports. The graph is every relative import, `import type`, `export … from` and `import()` of
 * renderer/, shared/ and electron/, read with TypeScript's own pre-processor.
 */

const ROOT = resolve(import.meta.dirname, '../..')
const AREAS = ['renderer', 'shared', 'electron']
const SKIP = new Set(['node_modules', 'out', 'dist', 'dist-web', 'public'])

type Graph = Map<string, string[]>

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (!SKIP.has(name)) out.push(...sourceFiles(path))
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** File → the files it imports (paths relative to the repository). */
function importGraph(root: string, areas: readonly string[]): Graph {
  const files = areas.flatMap((area) => sourceFiles(join(root, area)))
  const graph: Graph = new Map()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolveImport(file, spec))
      .filter((target): target is string => target !== null)
    graph.set(relative(root, file), [...new Set(targets.map((t) => relative(root, t)))])
  }
  return graph
}

/** Each cycle once, as a path that starts and ends at the same file (Tarjan's SCCs, then a shortest loop). */
function findCycles(graph: Graph): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const visit = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component)
    }
  }
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v)
  return components.map((component) => loopThrough(graph, new Set(component), [...component].sort()[0]!))
}

/** The shortest path from `start` back to itself inside one strongly connected component. */
function loopThrough(graph: Graph, inside: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const v = queue.shift()!
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue
      if (w === start) {
        const path = [v]
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!)
        return [...path, start]
      }
      if (!previous.has(w)) {
        previous.set(w, v)
        queue.push(w)
      }
    }
  }
  return [start, start]
}

describe('architecture', () => {
  const graph = importGraph(ROOT, AREAS)

  it('reads the whole house, type imports included', () => {
    expect(graph.size).toBeGreaterThan(200)
    const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0)
    expect(edges).toBeGreaterThan(graph.size)
    // a type-only import is an edge (the board's parts import their shared types this way)
    expect(graph.get('renderer/src/features/retro/board/Columns.tsx')).toContain('renderer/src/features/retro/board/types.ts')
  })

  it('finds a cycle, also one made of type imports only', () => {
    const g: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']]
    ])
    expect(findCycles(g)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts']
    ])
    expect(findCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([])
  })

  it('has no import cycle in renderer/, shared/ or electron/', () => {
    const cycles = findCycles(graph).map((cycle) => cycle.join(' → '))
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([])
  })
})
