import { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { replacePortfolio } from '../../renderer/src/data/store/replace-portfolio';
import { DATA_TIERS, DEMO_SEED } from '../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../shared/generator/plan-portfolio';
import type { IsoDate } from '../../shared/time/iso-date';

/**
 * A fresh store (fake-indexeddb) holding the demo portfolio as of `today`: the same firms the sandbox insurer
 * knows. `prepare` sees the store before it opens (to add a middleware that watches its reads, say).
 */
export async function openDemoStore(name: string, today: IsoDate, prepare?: (db: KredoDb) => void): Promise<KredoDb> {
  const db = new KredoDb(name);
  prepare?.(db);
  const policy = generatePolicy(today);
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
  const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
  await replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at: `${today}T09:00:00.000Z`, source: 'demo' });
  return db;
}
