import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// Web mode: the same renderer as a plain web app (`npm run web`); the end-to-end suite drives it.
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  server: { host: '127.0.0.1', port: 5173 },
  // E2E_PORT and TANDEM_WEB_OUT let two end-to-end runs work side by side
  preview: { host: '127.0.0.1', port: Number(process.env.E2E_PORT ?? 4173), strictPort: true },
  build: {
    outDir: process.env.TANDEM_WEB_OUT ?? resolve(import.meta.dirname, '../dist-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500
  }
})
