import { DATA_TIERS, DEMO_SEED } from '../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { replacePortfolio } from '../store/replace-portfolio';

/**
 * The demo portfolio in a fresh store, as of `today`, for the sync's equality tests (chunk deltas, names):
 * each compares two such stores after the same syncs. The caller closes the store.
 */
export async function demoSyncStore(name: string, today: IsoDate, at: string): Promise<KredoDb> {
  const db = new KredoDb(name);
  const policy = generatePolicy(today);
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
  const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
  await replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at, source: 'demo' });
  return db;
}
