import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { insurerPolicySchema } from '../../../../shared/sync/policy-terms';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import type { SettledInsurerPort } from '../sync/settled-insurer-port';
import { createSyncOperations } from './sync-operations';

const POLICY = insurerPolicySchema.parse({
  policyId: 'P-1', insurer: 'Test Insurance', policyNumber: 'T-1', currency: 'EUR', startDate: '2026-01-01', endDate: '2026-12-31', insuredPercentageBp: 9000,
  discretionaryLimitMax: '25000.00', maxCreditPeriodDays: 120, overdueNotificationDays: 30, maxExtensionPeriodDays: 60, collectionTransferDays: 30, claimFilingDays: 180,
  waitingPeriodDays: 150, deductible: '500.00',
});

/** An insurer with no covers that answers when told to, counting the full reads it was asked for. */
function slowInsurer() {
  const gates: (() => void)[] = [];
  let fullReads = 0;
  const port: SettledInsurerPort = {
    fullResync: async () => {
      fullReads += 1;
      await new Promise<void>((resolve) => gates.push(resolve));
      return { ok: true, value: { covers: [], cursor: `cursor-${fullReads}` } };
    },
    changes: async (cursor) => ({ ok: true, value: { items: [], nextCursor: cursor, hasMore: false } }),
    lookupBuyer: async () => ({ ok: true, value: { companyId: null } }),
    submit: async () => ({ ok: false, error: { code: 'insurer.unavailable' } }),
    submitLoss: async () => ({ ok: false, error: { code: 'insurer.unavailable' } }),
    lossStatus: async () => ({ ok: false, error: { code: 'insurer.unavailable' } }),
    coverRequests: async () => ({ ok: false, error: { code: 'insurer.unavailable' } }),
    lossRecords: async () => ({ ok: false, error: { code: 'insurer.unavailable' } }),
    policyTerms: async () => ({ ok: true, value: POLICY }),
  };
  return { port, fullReads: () => fullReads, release: () => gates.splice(0).forEach((open) => open()) };
}

const request = { today: '2026-11-24' as IsoDate, connectionId: 'test', fixedNow: '2026-11-24T12:00:00.000Z' };

describe('the worker’s sync', () => {
  it('never runs two syncs at once: a periodic one joins the running sync, "Sync now" runs after it', async () => {
    const db = new KredoDb('sync-operations-1');
    const operations = createSyncOperations(db);
    const insurer = slowInsurer();
    const first = operations.syncNow(request, insurer.port);
    const joined = operations.syncNow(request, insurer.port);
    expect(joined).toBe(first);
    const forced = operations.syncNow({ ...request, force: true }, insurer.port);
    await expect.poll(() => insurer.fullReads()).toBe(1);
    insurer.release();
    expect((await first).fullResync).toBe(true);
    // The forced sync starts only now, from the cursor the first one stored: the feed, not a second full read.
    expect((await forced).fullResync).toBe(false);
    expect(insurer.fullReads()).toBe(1);
    expect((await db.policies.toArray()).map((policy) => policy.policyNumber)).toEqual(['T-1']);
    db.close();
  });

  it('queues limit requests one by one, refusing a second open request for the same debtor by its code', async () => {
    const db = new KredoDb('sync-operations-2');
    const operations = createSyncOperations(db);
    const outcomes = await operations.requestLimits({
      at: '2026-11-24T12:00:00.000Z',
      requests: [
        { debtorId: 'D1', type: 'NEW', amountMinor: 1_000_000, currency: 'EUR' },
        { debtorId: 'D1', type: 'NEW', amountMinor: 2_000_000, currency: 'EUR' },
        { debtorId: 'D2', type: 'INCREASE', amountMinor: 3_000_000, currency: 'EUR' },
      ],
    });
    expect(outcomes).toEqual([{ debtorId: 'D1', queued: true }, { debtorId: 'D1', queued: false, code: 'sync.requestPending' }, { debtorId: 'D2', queued: true }]);
    expect(await db.limitOutbox.count()).toBe(2);
    db.close();
  });
});
