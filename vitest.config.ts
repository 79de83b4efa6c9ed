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
    testTimeout: 30_000,
  },
});
