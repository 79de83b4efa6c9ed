import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { KredoError } from '../../shared/errors/kredo-error';
import { SUPPORTED_LANGUAGES } from '../../shared/i18n/languages';

/**
 * How long a property-based (fast-check) test runs. Inside `npm test` a short, fixed run with a fixed
 * seed, so the suite is quick and the same on every machine; `npm run fuzz` (vitest.fuzz.config.ts) sets
 * FUZZ_RUNS to run the same properties much longer with a fresh seed each time (FUZZ_SEED repeats one).
 */
export function fuzzOptions(shortRuns: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env['FUZZ_RUNS']);
  const seed = Number(process.env['FUZZ_SEED']);
  if (Number.isFinite(seed) && process.env['FUZZ_SEED']) return { numRuns: Number.isFinite(runs) && runs > 0 ? runs : shortRuns, seed };
  if (Number.isFinite(runs) && runs > 0) return { numRuns: runs };
  return { numRuns: shortRuns, seed: 20_261_124 };
}

const ERROR_TEXTS = SUPPORTED_LANGUAGES.map((language) => JSON.parse(readFileSync(path.resolve('locales', language, 'errors.json'), 'utf8')) as Record<string, Record<string, string>>);

/**
 * What every fuzzed reader may throw: a KredoError (of `namespace`, when given) whose code is translated
 * in every language and which names the file — or, with `orPartOf`, a part inside it (`file › part`).
 * Anything else is rethrown, so fast-check reports it with the input that caused it.
 */
export function expectTranslatedRefusal(error: unknown, expected: { readonly file: string; readonly namespace?: string; readonly orPartOf?: boolean }): void {
  if (!(error instanceof KredoError)) throw error;
  const [namespace, key] = error.code.split('.');
  if (expected.namespace !== undefined) expect(namespace, error.code).toBe(expected.namespace);
  for (const texts of ERROR_TEXTS) expect(texts[namespace!]?.[key!], `${error.code} translated`).toEqual(expect.any(String));
  if (expected.orPartOf) expect(String(error.params?.['file']).startsWith(expected.file), error.code).toBe(true);
  else expect(error.params?.['file'], error.code).toBe(expected.file);
}
