import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import { DATA_TIERS, DEMO_SEED } from '../../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../../shared/generator/plan-portfolio';
import { replacePortfolio } from '../../store/replace-portfolio';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { worklistDebtorsOf } from '../worklist-debtors';
import { worklistSummariesOf } from '../worklist-summaries';
import { MIGRATIONS } from './index';
import { migration0027 } from './0027-worklist-summaries';

const today = '2026-11-24' as IsoDate;

describe('migration 0027: each summary chunk’s overdue debtors as the Dunning worklist reads them', () => {
  it('works them out for the chunks of an older store, each with its sync delta, and the worklist debtors a store from before 0024 lacks', async () => {
    // A version-26 store holding the demo portfolio, a sync's delta beside chunk 0, and chunk 1's debtors without their worklist record.
    const at26 = new KredoDb('migration-0027', MIGRATIONS.filter((migration) => migration.version < 27));
    const policy = generatePolicy(today);
    const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
    const chunks26 = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
    await replacePortfolio(at26, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks: chunks26, chunkCount: plan.chunkCount, asOf: today, at: `${today}T09:00:00.000Z`, source: 'demo' });
    expect(at26.verno).toBe(26);
    const base = (await at26.summaryChunks.get(0))!.summaries;
    await at26.summaryDeltas.put({ chunkId: 0, summaries: [{ ...base[0]!, overdueMinor: 4_321, openMinor: base[0]!.openMinor + 4_321 }] });
    await at26.worklistDebtorChunks.delete(1); // As a chunk written before 0024.
    at26.close();

    const db = new KredoDb('migration-0027', MIGRATIONS.filter((migration) => migration.version <= 27));
    await db.open();
    expect(db.verno).toBe(migration0027.version);
    const chunks = await db.summaryChunks.toArray();
    expect(chunks[0]!.summaries[0]!.overdueMinor).toBe(4_321);
    expect(await db.worklistSummaryChunks.toArray()).toEqual(chunks.map((chunk) => worklistSummariesOf(chunk)));
    expect(await db.worklistDebtorChunks.toArray()).toEqual((await db.debtorChunks.toArray()).map((chunk) => worklistDebtorsOf(chunk)));
    db.close();
  });

  it('only derives what a restore derives again, so a backup from before it still restores', () => {
    expect(migration0027.upgradeDerivesOnly).toBe(true);
    expect(canRestoreSchema(26)).toBe(true);
    expect(canRestoreSchema(23)).toBe(true);
  });
});
