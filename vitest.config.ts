import { defineConfig } from 'vitest/config'

export default defineConfig({
  // the path aliases of tsconfig.json (@core, @features, @app, @shared)
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node'
  }
})
