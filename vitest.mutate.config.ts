import { defineConfig } from 'vitest/config';

/**
 * `npm run mutate` (stryker.config.mjs): the tests that decide where a bank payment's money goes, and no
 * others, so each mutant of the matching code runs only these (Stryker narrows further to the tests that
 * cover the mutant). Fuzz tests are left out: random inputs would make a mutant's fate depend on the seed.
 */
export default defineConfig({
  test: {
    include: [
      'shared/import/payment-matcher.test.ts',
      'shared/import/matching-scope.test.ts',
      'shared/import/plan-bank-payments.test.ts',
      'shared/import/known-bank-lines.test.ts',
      'shared/import/parse-values.test.ts',
      'electron/main/import/formats/bank-recognition.test.ts',
      'renderer/src/data/import/match-payments.test.ts',
      'renderer/src/data/import/import.test.ts',
      // A payment quoting a letter's own reference (issue 16, item 6); the fast-check properties of
      // letter-payment-reference.test.ts stay out for the reason above.
      'electron/main/import/formats/letter-reference-payment.test.ts',
      'renderer/src/data/dunning/letter-reference.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
