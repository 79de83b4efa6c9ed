import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { insurerCoverSchema, type InsurerCover } from '../../../../shared/sync/insurer-cover';
import { addDays, toIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { MAX_DELTA_ENTRIES } from '../db/chunk-deltas';
import type { KredoDb } from '../db/kredo-db';
import { applyInsurerCovers } from './apply-insurer-covers';
import { demoSyncStore } from './demo-sync-store.test-support';

const today = toIsoDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';
const open: KredoDb[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

async function demoStore(name: string): Promise<KredoDb> {
  const db = await demoSyncStore(name, today, at);
  open.push(db);
  return db;
}

const STATUSES = ['APPROVED', 'REDUCED', 'WITHDRAWN', 'PARTIALLY_APPROVED', 'REFUSED'] as const;

interface CoverPlan {
  /** Which debtor (index into the store's debtors), and whether by its cover id or a new cover by customer number. */
  readonly debtor: number;
  readonly byNewCover: boolean;
  readonly amountCents: number;
  readonly status: (typeof STATUSES)[number];
  readonly pending: boolean;
}

const coverPlan = fc.record({ debtor: fc.nat(10_000), byNewCover: fc.boolean(), amountCents: fc.integer({ min: 0, max: 500_000_000 }), status: fc.constantFrom(...STATUSES), pending: fc.boolean() });
/** A few syncs, each of a few to many covers, some on a later day (summaries then summarised whole again). */
const syncsPlan = fc.array(fc.record({ covers: fc.array(coverPlan, { minLength: 1, maxLength: 30 }), nextDay: fc.boolean() }), { minLength: 1, maxLength: 4 });

const amount = (cents: number) => (cents / 100).toFixed(2);

async function coversOf(store: KredoDb, plans: readonly CoverPlan[], version: () => number): Promise<InsurerCover[]> {
  const debtors = (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
  const limits = (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits);
  return plans.map((plan) => {
    const debtor = debtors[plan.debtor % debtors.length]!;
    const insurer = limits.find((limit) => limit.debtorId === debtor.id && limit.source === 'insurer' && limit.coverId);
    const coverId = plan.byNewCover || !insurer ? `CV-NEW-${debtor.id}` : insurer.coverId!;
    return insurerCoverSchema.parse({
      coverId, companyId: `C-${debtor.id}`, customerReference: debtor.customerCode, status: plan.status, requestedAmount: null, decidedAmount: amount(plan.amountCents), currency: 'EUR',
      tranches: [{ amount: amount(plan.amountCents), effectiveFrom: '2026-11-01', expiresAt: null, kind: 'permanent' }], conditions: [], reasons: [],
      pendingChange: plan.pending ? { type: 'REDUCTION', newAmount: amount(Math.floor(plan.amountCents / 2)), effectiveFrom: '2026-12-15', noticeGivenAt: '2026-11-24' } : null,
      decidedAt: '2026-11-24T09:00:00Z', updatedAt: '2026-11-24T09:00:00Z', version: version(),
    });
  });
}

/** What every reader sees: the limits, the summaries and the portfolio totals (the chunk's derived index keys left aside). */
async function seen(store: KredoDb) {
  const [limits, summaries, portfolio] = await Promise.all([store.limitChunks.toArray(), store.summaryChunks.toArray(), store.portfolio.get('current')]);
  return { limits: limits.map((chunk) => ({ chunkId: chunk.chunkId, limits: chunk.limits })), summaries, portfolio };
}

describe('a sync writing only the changed debtors beside their chunks (issue 14, migration 0026)', () => {
  it('leaves every limit, summary and portfolio figure to the cent as writing the chunks whole does, over varied syncs', async () => {
    let run = 0;
    let syncsWithDeltas = 0;
    await fc.assert(
      fc.asyncProperty(syncsPlan, async (syncs) => {
        run += 1;
        const [deltas, whole] = await Promise.all([demoStore(`deltas-new-${run}`), demoStore(`deltas-old-${run}`)]);
        let version = 100;
        let day: IsoDate = today;
        for (const sync of syncs) {
          if (sync.nextDay) day = addDays(day, 1);
          const next = version;
          const covers = await coversOf(whole, sync.covers, () => (version += 1));
          version = next + sync.covers.length;
          const [byDelta, byWhole] = await Promise.all([applyInsurerCovers(deltas, covers, { today: day, at }), applyInsurerCovers(whole, covers, { today: day, at, maxDeltaEntries: 0 })]);
          expect(byDelta).toEqual(byWhole);
          expect(await seen(deltas)).toEqual(await seen(whole));
          if ((await deltas.limitDeltas.count()) + (await deltas.summaryDeltas.count()) > 0) syncsWithDeltas += 1;
        }
        expect(await whole.limitDeltas.count()).toBe(0);
        expect(await whole.summaryDeltas.count()).toBe(0);
        for (const store of open.splice(0)) store.close();
      }),
      { numRuns: 10 },
    );
    // The property compared something: most syncs left changes beside their chunks.
    expect(syncsWithDeltas).toBeGreaterThan(0);
  });

  it('writes a few changes of a chunk beside it, and the chunk whole once more of its debtors changed than a delta holds', async () => {
    const store = await demoStore('deltas-bound');
    const firstChunk = (await store.limitChunks.get(0))!.limits.filter((limit) => limit.source === 'insurer' && limit.coverId);
    let version = 1;
    const reduce = (limit: (typeof firstChunk)[number]) =>
      insurerCoverSchema.parse({
        coverId: limit.coverId, companyId: 'C-1', customerReference: null, status: 'REDUCED', requestedAmount: null, decidedAmount: '1000.00', currency: 'EUR',
        tranches: [{ amount: '1000.00', effectiveFrom: '2026-11-01', expiresAt: null, kind: 'permanent' }], conditions: [], reasons: [], pendingChange: null,
        decidedAt: '2026-11-24T09:00:00Z', updatedAt: '2026-11-24T09:00:00Z', version: (version += 1),
      });
    await applyInsurerCovers(store, [reduce(firstChunk[0]!)], { today, at });
    expect((await store.limitDeltas.get(0))?.limits.map((limit) => limit.debtorId)).toEqual([firstChunk[0]!.debtorId]);
    expect((await store.summaryDeltas.get(0))?.summaries.map((summary) => summary.debtorId)).toEqual([firstChunk[0]!.debtorId]);
    expect((await store.limitChunks.get(0))!.limits.find((limit) => limit.coverId === firstChunk[0]!.coverId)).toMatchObject({ status: 'REDUCED', decidedAmountMinor: 100_000 });

    await applyInsurerCovers(store, firstChunk.slice(1, MAX_DELTA_ENTRIES + 1).map(reduce), { today, at });
    expect(await store.limitDeltas.get(0)).toBeUndefined();
    expect(await store.summaryDeltas.get(0)).toBeUndefined();
    const limits = (await store.limitChunks.get(0))!.limits.filter((limit) => firstChunk.slice(0, MAX_DELTA_ENTRIES + 1).some((changed) => changed.coverId === limit.coverId));
    expect(limits.map((limit) => limit.decidedAmountMinor)).toEqual(Array(MAX_DELTA_ENTRIES + 1).fill(100_000));
  });
});
