import { defineConfig } from 'vitest/config';

/**
 * Unit tests run under Node: shared/ domain code, the main process's services, and renderer modules that
 * need no DOM. Browser behaviour is tested end to end in Chromium (playwright.config.ts), not in a fake DOM.
 */
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
  },
});
