import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// Web mode: the same renderer as a plain web app (`npm run web`); the end-to-end suite drives it.
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { outDir: resolve(import.meta.dirname, '../dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 1500 }
})
