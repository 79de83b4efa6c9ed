import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_TIERS, DEMO_SEED } from '../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { replacePortfolio } from '../store/replace-portfolio';
import { loadAgeingDashboard } from './load-ageing-dashboard';

const today = toIsoDate('2026-11-24');
let db: KredoDb | undefined;
afterEach(() => db?.close());

async function demoStore(name: string) {
  db = new KredoDb(name);
  const policy = generatePolicy(today);
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
  const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
  const portfolio = await replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at: `${today}T09:00:00.000Z`, source: 'demo' });
  return { store: db, portfolio, debtors: chunks.flatMap((chunk) => chunk.debtors) };
}

describe('loadAgeingDashboard', () => {
  it('shows the demo portfolio as of today exactly as its stored summary has it', async () => {
    const { store, portfolio } = await demoStore('dashboard-test-1');
    const progress: string[] = [];
    const data = await loadAgeingDashboard(store, today, (done, total) => progress.push(`${done}/${total}`));
    expect(data).toBeDefined();
    expect(data!.currency).toBe('EUR');
    expect(data!.buckets).toHaveLength(5);
    expect(data!.current.bucketsMinor).toEqual(portfolio.bucketsMinor);
    expect(data!.current.dso).toBe(portfolio.dso);
    for (const segment of portfolio.byCountry) {
      expect(data!.current.byCountry.find((row) => row.country === segment.key)?.bucketsMinor).toEqual(segment.bucketsMinor);
    }
    // The demo's two years of history carry the trend back all twelve month-ends.
    expect(data!.trend.map((point) => point.asOf)).toHaveLength(13);
    expect(data!.trend.at(-1)!.bucketsMinor).toEqual(portfolio.bucketsMinor);
    expect(data!.trend.every((point) => point.dso !== undefined)).toBe(true);
    expect(progress.at(-1)).toBe('13/13');
  });

  it('names the ten largest exposures, whose shares add up to the top-ten share', async () => {
    const { store, portfolio, debtors } = await demoStore('dashboard-test-2');
    const { concentration } = (await loadAgeingDashboard(store, today))!;
    expect(concentration.totalExposureMinor).toBe(portfolio.exposureMinor);
    expect(concentration.top).toHaveLength(10);
    const names = new Map(debtors.map((debtor) => [debtor.id, debtor.name]));
    for (const entry of concentration.top) expect(entry.name).toBe(names.get(entry.debtorId));
    const exposures = concentration.top.map((entry) => entry.exposureMinor);
    expect(exposures).toEqual([...exposures].sort((a, b) => b - a));
    expect(concentration.topExposureMinor).toBe(exposures.reduce((sum, amount) => sum + amount, 0));
  });

  it('has nothing to show without a portfolio', async () => {
    db = new KredoDb('dashboard-test-3');
    expect(await loadAgeingDashboard(db, today)).toBeUndefined();
  });
});
