import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The house has no import cycles, type-only imports included: a cycle of "just types" still ties
 * two modules together (they cannot move or split apart), and lint's import-x/no-cycle skips type
 * imports. The graph is every relative or aliased import, `import type`, `export … from` and
 * `import()` of renderer/, shared/ and electron/, read with TypeScript's own pre-processor.
 * And lint holds the layers (eslint.config.js): a break of each kind is refused.
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

/** The path aliases of tsconfig.json. */
const ALIASES: Record<string, string> = {
  '@core/': 'renderer/src/core/',
  '@ui/': 'renderer/src/ui/',
  '@features/': 'renderer/src/features/',
  '@app/': 'renderer/src/app/',
  '@shared/': 'shared/'
}

function resolveImport(from: string, specifier: string): string | null {
  const alias = Object.keys(ALIASES).find((a) => specifier.startsWith(a))
  if (!alias && !specifier.startsWith('.')) return null
  const base = alias ? join(ROOT, ALIASES[alias]!, specifier.slice(alias.length)) : resolve(dirname(from), specifier)
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

  it('sees aliased imports (the tsconfig paths)', () => {
    expect(graph.get('renderer/src/app/App.tsx')).toContain('renderer/src/features/spaces/index.ts')
  })

  it('has no import cycle in renderer/, shared/ or electron/', () => {
    const cycles = findCycles(graph).map((cycle) => cycle.join(' → '))
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([])
  })
})

describe('the layers, as lint enforces them', () => {
  const eslint = new ESLint({ cwd: ROOT })
  /** Lint `text` as if it were the file at `filePath` (an existing file, so type-aware rules run). */
  const problems = async (filePath: string, text: string) => {
    const [result] = await eslint.lintText(text, { filePath: join(ROOT, filePath) })
    return result!.messages.map((m) => m.ruleId)
  }

  it.each([
    ['core knows no feature', 'renderer/src/core/sync/status.ts', "import { retroTabs } from '@features/retro/index.ts'", 'boundaries/dependencies'],
    ['a feature reaches another only through its index', 'renderer/src/features/retro/RetroTab.tsx', "import { useTeamSprint } from '@features/sprint/store/teamSprint.ts'", 'boundaries/dependencies'],
    ['the shell too', 'renderer/src/app/App.tsx', "import { SpaceHome } from '@features/spaces/SpaceHome.tsx'", 'boundaries/dependencies'],
    ['the ui kit sits below the shell', 'renderer/src/ui/ui.tsx', "import { SPACE_TABS } from '@app/tabs.ts'", 'boundaries/dependencies'],
    ['shared is pure', 'shared/retro/votes.ts', "import { db } from '@core/database/db.ts'", 'boundaries/dependencies'],
    ['main never imports the renderer', 'electron/main/security.ts', "import { db } from '../../renderer/src/core/database/db.ts'", 'boundaries/dependencies'],
    ['a component holds no Yjs type', 'renderer/src/features/retro/board/Board.tsx', "import * as Y from 'yjs'", 'no-restricted-imports']
  ])('%s', async (_name, filePath, line, rule) => {
    expect(await problems(filePath, `${line}\nexport const used = [${line.match(/\{ (\w+) \}|\* as (\w+)/)!.slice(1).find(Boolean)}]\n`)).toContain(rule)
  }, 180_000)

  it('allows what the layers allow', async () => {
    const text = "import { useTeamSprint } from '@features/sprint/index.ts'\nimport { toast } from '@ui/toasts.ts'\nexport const used = [useTeamSprint, toast]\n"
    expect(await problems('renderer/src/features/retro/RetroTab.tsx', text)).toEqual([])
  }, 180_000)
})
