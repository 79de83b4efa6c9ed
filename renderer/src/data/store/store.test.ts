import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_TIERS, DEMO_SEED } from '../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy, type GeneratedChunk } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import { addDays, toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { readDebtor, readDebtorLedger } from './read-ledger';
import { refreshSummaries } from './refresh-summaries';
import { replacePortfolio, type PortfolioInput } from './replace-portfolio';

const today = toIsoDate('2026-11-24');
const policy = generatePolicy(today);
const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
const chunks: GeneratedChunk[] = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
const input = (overrides: Partial<PortfolioInput> = {}): PortfolioInput => ({
  policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at: '2026-11-24T09:00:00.000Z', source: 'demo', ...overrides,
});

let db: KredoDb;
let counter = 0;
afterEach(() => db?.close());
function freshDb(): KredoDb {
  counter += 1;
  db = new KredoDb(`store-test-${counter}`);
  return db;
}

describe('replacePortfolio', () => {
  it('stores every debtor, invoice, payment and allocation of the demo, and gives them back unchanged', async () => {
    const store = freshDb();
    const progress: number[] = [];
    await replacePortfolio(store, input({ onProgress: (done) => progress.push(done) }));
    expect(progress).toEqual([1, 2]);
    expect((await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors)).toHaveLength(200);
    for (const chunk of chunks) {
      for (const ledger of chunk.ledgers) expect(await readDebtorLedger(store, chunk.chunkId, ledger.debtorId)).toEqual(ledger);
      for (const debtor of chunk.debtors) expect(await readDebtor(store, chunk.chunkId, debtor.id)).toEqual({ ...debtor, chunkId: chunk.chunkId });
    }
    const storedLimits = (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits);
    expect(storedLimits).toHaveLength(chunks.flatMap((chunk) => chunk.limits).length);
    expect(await store.audit.toArray()).toMatchObject([{ action: 'portfolio.demoOpened', details: { debtors: 200 } }]);
  });

  it('keeps the portfolio summary equal to the sum of its debtors', async () => {
    const store = freshDb();
    const portfolio = await replacePortfolio(store, input());
    const summaries = (await store.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
    expect(summaries).toHaveLength(200);
    expect(portfolio.openMinor).toBe(summaries.reduce((sum, summary) => sum + summary.openMinor, 0));
    expect(portfolio.exposureMinor).toBe(summaries.reduce((sum, summary) => sum + summary.exposureMinor, 0));
    expect(portfolio.openItemCount).toBeGreaterThan(200);
    expect(await store.portfolio.get('current')).toMatchObject({ debtorCount: 200, asOf: '2026-11-24', currency: 'EUR' });
  });

  it('writes all or nothing: a failure half-way leaves the previous portfolio untouched', async () => {
    const store = freshDb();
    await replacePortfolio(store, input());
    const before = await store.portfolio.get('current');
    function* failing(): Iterable<GeneratedChunk> {
      yield chunks[0]!;
      throw new Error('disk full');
    }
    await expect(replacePortfolio(store, input({ chunks: failing(), source: 'benchmark' }))).rejects.toThrow('disk full');
    expect(await store.portfolio.get('current')).toEqual(before);
    expect(await store.debtorChunks.count()).toBe(2);
    expect(await store.meta.get('portfolioSource')).toEqual({ key: 'portfolioSource', value: 'demo' });
  });
});

describe('refreshSummaries', () => {
  it('ages the same portfolio a month later: less not yet due, more overdue', async () => {
    const store = freshDb();
    const now = await replacePortfolio(store, input());
    const later = await refreshSummaries(store, addDays(today, 30));
    expect(later?.asOf).toBe('2026-12-24');
    expect(later?.openMinor).toBe(now.openMinor);
    expect(later!.bucketsMinor[0]!).toBeLessThan(now.bucketsMinor[0]!);
    expect(later!.overdueMinor).toBeGreaterThan(now.overdueMinor);
    expect((await store.summaryChunks.get(0))?.asOf).toBe('2026-12-24');
  });

  it('does nothing without a portfolio', async () => {
    expect(await refreshSummaries(freshDb(), today)).toBeUndefined();
  });
});
