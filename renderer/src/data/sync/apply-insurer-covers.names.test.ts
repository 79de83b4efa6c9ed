import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { insurerCoverSchema, type InsurerCover } from '../../../../shared/sync/insurer-cover';
import { addDays, toIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { applyInsurerCovers } from './apply-insurer-covers';
import { demoSyncStore } from './demo-sync-store.test-support';

const today = toIsoDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';
const open: KredoDb[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

/** The demo portfolio, with every fifth debtor known to the insurer by a buyer id of its own. */
async function demoStore(name: string): Promise<KredoDb> {
  const db = await demoSyncStore(name, today, at);
  open.push(db);
  const debtorChunks = await db.debtorChunks.toArray();
  await db.debtorChunks.bulkPut(debtorChunks.map((chunk) => ({ ...chunk, debtors: chunk.debtors.map((debtor, index) => (index % 5 === 0 ? { ...debtor, insurerBuyerId: `B-${debtor.id}` } : debtor)) })));
  return db;
}

const STATUSES = ['APPROVED', 'REDUCED', 'WITHDRAWN', 'CANCELLED', 'REFUSED'] as const;
/** How a cover names its debtor: its cover id, a cover re-issued under a new id (by customer number), a new cover by buyer id, a buyer Kredo does not know. */
const WAYS = ['coverId', 'reissued', 'buyer', 'stranger'] as const;

const coverPlan = fc.record({ debtor: fc.nat(10_000), way: fc.constantFrom(...WAYS), amountCents: fc.integer({ min: 0, max: 500_000_000 }), status: fc.constantFrom(...STATUSES), pending: fc.boolean() });
type CoverPlan = typeof coverPlan extends fc.Arbitrary<infer T> ? T : never;
/** A few syncs of a few to many covers, some on a later day; in the store under test one chunk may lack its worklist debtors. */
const syncsPlan = fc.record({
  syncs: fc.array(fc.record({ covers: fc.array(coverPlan, { minLength: 1, maxLength: 40 }), nextDay: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  unkeptChunk: fc.option(fc.nat(9), { nil: undefined }),
});

const amount = (cents: number) => (cents / 100).toFixed(2);

async function coversOf(store: KredoDb, plans: readonly CoverPlan[], sync: number, version: () => number): Promise<InsurerCover[]> {
  const debtors = (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
  const limits = (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits);
  return plans.map((plan) => {
    const debtor = debtors[plan.debtor % debtors.length]!;
    const insurer = limits.find((limit) => limit.debtorId === debtor.id && limit.source === 'insurer' && limit.coverId);
    const way = plan.way === 'buyer' && !debtor.insurerBuyerId ? 'reissued' : plan.way;
    const coverId = way === 'coverId' && insurer ? insurer.coverId! : `CV-${way}-${sync}-${debtor.id}`;
    return insurerCoverSchema.parse({
      coverId,
      companyId: way === 'buyer' ? debtor.insurerBuyerId : `C-${way}-${debtor.id}`,
      customerReference: way === 'reissued' || way === 'coverId' ? debtor.customerCode : way === 'stranger' ? `X-${debtor.customerCode}` : null,
      status: plan.status, requestedAmount: null, decidedAmount: amount(plan.amountCents), currency: 'EUR',
      tranches: [{ amount: amount(plan.amountCents), effectiveFrom: '2026-11-01', expiresAt: null, kind: 'permanent' }], conditions: [], reasons: [],
      pendingChange: plan.pending ? { type: 'REDUCTION', newAmount: amount(Math.floor(plan.amountCents / 2)), effectiveFrom: '2026-12-15', noticeGivenAt: '2026-11-24' } : null,
      decidedAt: '2026-11-24T09:00:00Z', updatedAt: '2026-11-24T09:00:00Z', version: version(),
    });
  });
}

/** What every reader sees: limits, summaries, portfolio totals, the change list and the audit trail. */
async function seen(store: KredoDb) {
  const [limits, summaries, portfolio, recent, audit] = await Promise.all([store.limitChunks.toArray(), store.summaryChunks.toArray(), store.portfolio.get('current'), store.syncState.get('recentChanges'), store.audit.toArray()]);
  return { limits: limits.map((chunk) => ({ chunkId: chunk.chunkId, limits: chunk.limits })), summaries, portfolio, recent, audit: audit.map(({ seq: _seq, ...entry }) => entry) };
}

describe('a sync that reads debtors whole only to match covers by reference (issue 14)', () => {
  it('gives the same changes, names, limits, summaries, portfolio and audit as reading every named debtor chunk whole, over varied syncs', async () => {
    let run = 0;
    let named = 0;
    await fc.assert(
      fc.asyncProperty(syncsPlan, async ({ syncs, unkeptChunk }) => {
        run += 1;
        const [slim, source] = await Promise.all([demoStore(`names-slim-${run}`), demoStore(`names-source-${run}`)]);
        // The source store keeps no worklist debtors: its names come from the debtor chunks read whole, as before,
        // and every change is written into the chunks whole (no 0026 deltas).
        await source.worklistDebtorChunks.clear();
        if (unkeptChunk !== undefined) await slim.worklistDebtorChunks.delete(unkeptChunk);
        let version = 100;
        let day: IsoDate = today;
        for (const [index, sync] of syncs.entries()) {
          if (sync.nextDay) day = addDays(day, 1);
          const covers = await coversOf(source, sync.covers, index, () => (version += 1));
          const [bySlim, bySource] = await Promise.all([applyInsurerCovers(slim, covers, { today: day, at }), applyInsurerCovers(source, covers, { today: day, at, maxDeltaEntries: 0 })]);
          expect(bySlim).toEqual(bySource);
          expect(await seen(slim)).toEqual(await seen(source));
          named += bySlim.changes.length;
        }
        expect(await source.worklistDebtorChunks.count()).toBe(0);
        for (const store of open.splice(0)) store.close();
      }),
      { numRuns: 12 },
    );
    // The property compared names: changes were shown.
    expect(named).toBeGreaterThan(0);
  });
});
