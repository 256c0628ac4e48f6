import { defineConfig } from '@playwright/test'

// The end-to-end suite drives the web build in Debian's Chromium. Each peer is its own browser
// process (see test/e2e/harness.ts); tests start their own signaling server on 127.0.0.1.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  // real WebRTC between browser processes on a loaded 2-core CI machine: a test that fails once is
  // run again and reported as "flaky" (counted in the log), never silently passed
  retries: process.env.CI ? 1 : 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  webServer: {
    command: 'npx vite preview --config renderer/vite.config.ts',
    url: `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000
  }
})
