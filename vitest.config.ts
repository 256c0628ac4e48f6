import { defineConfig } from 'vitest/config'

export default defineConfig({
  // the path aliases of tsconfig.json (@core, @features, @app, @shared)
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // a guard, not a measure: CI is 2 cores, and a heavy case (a 14-day schedule of 170 teams, a
    // document of 50 000 keys) can take seconds there
    testTimeout: 30_000
  }
})
