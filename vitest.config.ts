import { defineConfig } from 'vitest/config';

/**
 * Unit tests run under Node: shared/ domain code, the main process's services, and renderer modules that
 * need no DOM. Browser behaviour is tested end to end in Chromium (playwright.config.ts), not in a fake DOM.
 */
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Store tests open the 200-debtor demo in fake-indexeddb: a few seconds alone, more on two busy cores.
    // These are hang guards, not speed checks (speed is `npm run bench`'s): twice what the slowest tests
    // need, so they pass beside another CPU-heavy process (issue 15). expect.poll would give up after 1 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 20_000 } },
  },
});
