import { defineConfig } from 'vitest/config';

/**
 * `npm run fuzz`: the property-based tests (`*.fuzz.test.ts`) over every import parser, run long. FUZZ_RUNS
 * (default 2,000 per property) and FUZZ_SEED can be set in the environment; see tests/support/fuzz.ts.
 * The same tests run briefly inside `npm test`.
 */
export default defineConfig({
  test: {
    include: ['shared/**/*.fuzz.test.ts', 'electron/**/*.fuzz.test.ts', 'renderer/**/*.fuzz.test.ts', 'tests/integration/**/*.fuzz.test.ts'],
    environment: 'node',
    env: { FUZZ_RUNS: process.env['FUZZ_RUNS'] ?? '2000' },
    testTimeout: 3_600_000,
    hookTimeout: 60_000,
  },
});
