import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The bench's own pages, built by `npm run bench` (bench/build.ts) into
 * node_modules/.cache/tandem-bench/pages and served under /bench/ on the same origin as the app,
 * so they share its IndexedDB:
 *   raw/index.html   plain Yjs + y-webrtc, the raw stack reference (no app code)
 *   seed/seed.html   writes the scale dataset through the app's stores
 *   seed/app.html    the app's unchanged entry with the bench's hook in front of it
 * Same plugins as the app's web build (renderer/vite.config.ts).
 */
const here = import.meta.dirname

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '../node_modules/.cache/tandem-bench/pages'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: {
        raw: resolve(here, 'raw/index.html'),
        seed: resolve(here, 'seed/seed.html'),
        app: resolve(here, 'seed/app.html')
      }
    }
  }
})
