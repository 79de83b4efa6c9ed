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
