// @ts-check
/**
 * Mutation testing of the code that decides where a bank payment's money goes (issue 12, item 11): cash
 * booked to the wrong customer is the worst outcome of a bank import, so every change to these files that
 * makes the matcher guess must fail a test. `npm run mutate`; not part of `npm test` (it takes minutes).
 * The report is written to reports/mutation/; tests/README.md ("Mutation testing") holds the last score.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  // Only the tests that cover a mutant run for it.
  coverageAnalysis: 'perTest',
  mutate: [
    'shared/import/payment-matcher.ts',
    'shared/import/remittance-tokens.ts',
    'shared/import/matching-scope.ts',
    'shared/import/plan-bank-payments.ts',
    'shared/import/known-bank-lines.ts',
    'shared/import/parse-amount.ts',
    'renderer/src/data/import/match-payments.ts',
    // Which quoted words are looked up as a letter's own payment reference (issue 16, item 6).
    'shared/domain/references/letter-payment-reference.ts',
  ],
  // The machine's two cores are shared with other work.
  concurrency: 1,
  // Stryker copies the project into .stryker-tmp/; builds, reports and test output need not go with it.
  ignorePatterns: ['out', 'dist', 'docs', 'resources', 'test-results', 'playwright-report', 'bench-results', 'coverage', 'reports', '.sandbox'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
