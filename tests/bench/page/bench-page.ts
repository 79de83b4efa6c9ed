/**
 * The benchmark page: Kredo's own store code (the same modules the app's data worker runs), driven by the
 * benchmark runner through `window.kredoBench`. Built apart from the app (vite.bench.config.ts) so the
 * app ships no benchmark code, and served by the Chromium host like the app, under the same CSP.
 */
import { ageChunk } from '../../../shared/domain/ageing/age-chunk';
import { ageingBuckets, DEFAULT_AGEING } from '../../../shared/domain/ageing/ageing-config';
import { AgeingTable } from '../../../shared/domain/ageing/ageing-table';
import type { DebtorSummary } from '../../../shared/domain/summaries/debtor-summary';
import { summarisePortfolio } from '../../../shared/domain/summaries/portfolio-summary';
import { summariseChunk } from '../../../shared/domain/summaries/summarise-chunk';
import { DATA_TIERS, DEMO_SEED, type DataTier } from '../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy, type GeneratedChunk } from '../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../shared/generator/plan-portfolio';
import { addDays, toDayNumber, type IsoDate } from '../../../shared/time/iso-date';
import { KredoDb } from '../../../renderer/src/data/db/kredo-db';
import { refreshSummaries } from '../../../renderer/src/data/store/refresh-summaries';
import { replacePortfolio } from '../../../renderer/src/data/store/replace-portfolio';
import { loadSummaryContext } from '../../../renderer/src/data/store/summary-context';

const heapMiB = () => Math.round(((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1024 / 10.24) / 100;
let peak = 0;
const sample = () => {
  peak = Math.max(peak, heapMiB());
};
const timed = async <T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await work();
  sample();
  return { ms: performance.now() - started, value };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bench = {
  resetPeak: () => {
    peak = heapMiB();
  },
  peakHeapMiB: () => peak,

  /** Generates a tier into memory, then writes it to the store in one transaction. */
  async writeTier(tier: DataTier, today: IsoDate) {
    const plan = planPortfolio(DATA_TIERS[tier], { seed: DEMO_SEED, today });
    const policy = generatePolicy(today);
    const generation = await timed(() => Array.from({ length: plan.chunkCount }, (_, chunkId): GeneratedChunk => generateChunk(plan, policy, chunkId)));
    const chunks = generation.value;
    const items = chunks.reduce((sum, chunk) => sum + chunk.ledgers.reduce((count, ledger) => count + ledger.items.length, 0), 0);
    const payments = chunks.reduce((sum, chunk) => sum + chunk.ledgers.reduce((count, ledger) => count + ledger.payments.length, 0), 0);
    const db = new KredoDb();
    const write = await timed(() => replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at: new Date().toISOString(), source: 'benchmark' }));
    db.close();
    return { generationMs: generation.ms, writeMs: write.ms, debtors: plan.size.debtors, items, payments, openItems: write.value.openItemCount };
  },

  /** A fresh connection, as after starting the app: the totals, then every debtor's summary for the grid. */
  async coldOpen() {
    const db = new KredoDb();
    const started = performance.now();
    const portfolio = await db.portfolio.get('current');
    const totalsMs = performance.now() - started;
    const summaries = (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
    const allMs = performance.now() - started;
    sample();
    db.close();
    return { totalsMs, allMs, debtors: summaries.length, exposureMinor: portfolio?.exposureMinor ?? 0 };
  },

  /** Full ageing of every open item as of a date, over the ledger columns held in memory (the worker's model). */
  async fullAgeing(today: IsoDate) {
    const db = new KredoDb();
    const load = await timed(() => db.ledgerNumbers.toArray());
    const chunks = load.value;
    const context = (await loadSummaryContext(db, addDays(today, 1)))!;
    const currencies = [...new Set(chunks.flatMap((chunk) => chunk.currencies))];
    const runs: number[] = [];
    let openItems = 0;
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      const table = new AgeingTable(1, currencies, ageingBuckets(DEFAULT_AGEING).length);
      for (const numbers of chunks) {
        ageChunk(numbers, toDayNumber(addDays(today, 1)), DEFAULT_AGEING, { groupOfSlot: new Int32Array(numbers.debtorIds.length), tableCurrencyOf: Int32Array.from(numbers.currencies, (code) => currencies.indexOf(code)) }, table);
      }
      runs.push(performance.now() - started);
    }
    for (const numbers of chunks) for (const open of numbers.itemOpen) if (open > 0) openItems += 1;
    const summaries = await timed(() => {
      const all: DebtorSummary[] = [];
      for (const numbers of chunks) all.push(...summariseChunk(numbers, context));
      return summarisePortfolio(all, { asOf: context.asOf, currency: context.policy.currency, bucketCount: ageingBuckets(context.ageing).length });
    });
    const refresh = await timed(() => refreshSummaries(db, addDays(today, 1)));
    db.close();
    return { loadMs: load.ms, ageingMs: median(runs), summariesMs: summaries.ms, refreshMs: refresh.ms, items: chunks.reduce((sum, chunk) => sum + chunk.itemDebtor.length, 0), openItems };
  },

  /** Sorting and filtering the 20,000 debtors' summaries in memory, as the portfolio grid does. */
  async sortAndFilter() {
    const db = new KredoDb();
    const rows = (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
    db.close();
    const sortRuns: number[] = [];
    const filterRuns: number[] = [];
    let matches = 0;
    for (let run = 0; run < 7; run += 1) {
      let started = performance.now();
      [...rows].sort((a, b) => b.exposureMinor - a.exposureMinor || a.debtorId.localeCompare(b.debtorId));
      sortRuns.push(performance.now() - started);
      started = performance.now();
      matches = rows.filter((row) => row.country === 'NL' && row.overdueMinor > 1_000_000 && (row.utilisation ?? 0) > 0.8).length;
      filterRuns.push(performance.now() - started);
    }
    sample();
    return { sortMs: median(sortRuns), filterMs: median(filterRuns), rows: rows.length, matches };
  },
};

(window as unknown as { kredoBench: typeof bench }).kredoBench = bench;
document.title = 'ready';
