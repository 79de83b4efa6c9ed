import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real main-process services and the built renderer in Debian's Chromium, through
 * the Chromium host (electron/chromium-host). Each test starts its own host with a fresh user-data folder;
 * `npm run test:e2e` builds the renderer first. One worker: the build machines have two cores, and
 * Chromium plus the host use both.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  // Hang guards, not speed checks (speed is `npm run bench`'s): twice what the slowest tests need, so
  // they pass on a machine busy with another build too (issue 15).
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
});
