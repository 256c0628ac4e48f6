import path from 'node:path'
import { build } from 'vite'

/**
 * The builds the bench serves, made in this process so that one command does everything and so
 * that the bench never serves dist-web (another run of `npm run build:web`, e.g. the end-to-end
 * suite, empties it). They go to node_modules/.cache/tandem-bench/ — ignored by git and lint, and
 * not under out/, which the desktop installers package:
 *   web     the app's web build (renderer/vite.config.ts, only the output folder differs)
 *   pages   the bench's own pages (bench/vite.config.ts)
 */
const ROOT = path.resolve(import.meta.dirname, '..')
export const BUILD_ROOT = path.join(ROOT, 'node_modules/.cache/tandem-bench')
export const WEB_OUT = path.join(BUILD_ROOT, 'web')
export const PAGES_OUT = path.join(BUILD_ROOT, 'pages')

export async function buildApp(): Promise<void> {
  await build({ configFile: path.join(ROOT, 'renderer/vite.config.ts'), logLevel: 'warn', build: { outDir: WEB_OUT, emptyOutDir: true } })
}

export async function buildPages(): Promise<void> {
  await build({ configFile: path.join(ROOT, 'bench/vite.config.ts') })
}
