import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KredoDb } from '../db/kredo-db';
import { queueLimitRequest } from './queue-limit-request';

let db: KredoDb;
afterEach(() => db?.close());

describe('queueing a limit request', () => {
  it('keeps the request and its audit line while offline, and refuses a second open one for the same debtor', async () => {
    db = new KredoDb('queue-limit-request');
    const entry = await queueLimitRequest(db, { id: 'k-1', debtorId: 'D1', type: 'NEW', amountMinor: 2_500_000, currency: 'EUR', at: '2026-11-24T10:00:00.000Z' });
    expect(entry).toMatchObject({ id: 'k-1', state: 'SUBMITTED_LOCAL', attempts: 0 });
    expect(await db.limitOutbox.get('k-1')).toEqual(entry);
    expect(await db.audit.where('[entityType+entityId]').equals(['limit', 'D1']).first()).toMatchObject({ action: 'limit.requested', details: { requestId: 'k-1', amountMinor: 2_500_000 } });

    await expect(queueLimitRequest(db, { id: 'k-2', debtorId: 'D1', type: 'INCREASE', amountMinor: 3_000_000, currency: 'EUR', at: '2026-11-24T10:01:00.000Z' })).rejects.toMatchObject({ code: 'sync.requestPending' });
    expect(await db.limitOutbox.count()).toBe(1);
    await db.limitOutbox.update('k-1', { state: 'DECIDED' });
    await expect(queueLimitRequest(db, { id: 'k-3', debtorId: 'D1', type: 'INCREASE', amountMinor: 3_000_000, currency: 'EUR', at: '2026-11-24T10:02:00.000Z' })).resolves.toMatchObject({ id: 'k-3' });
  });

  it('refuses an amount that is not a positive whole number of cents before storing anything', async () => {
    db = new KredoDb('queue-limit-request-2');
    await expect(queueLimitRequest(db, { id: 'k-9', debtorId: 'D2', type: 'NEW', amountMinor: -5, currency: 'EUR', at: '2026-11-24T10:00:00.000Z' })).rejects.toThrow(RangeError);
    expect(await db.limitOutbox.count()).toBe(0);
  });
});
