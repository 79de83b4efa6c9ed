import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newLossSubmission } from '../../../../../shared/sync/loss-submission';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import { KredoDb } from '../kredo-db';
import { migration0001 } from './0001-demo-debtors';
import { migration0002 } from './0002-ledger-store';
import { migration0003 } from './0003-drop-legacy-debtors';
import { migration0004 } from './0004-imports';
import { migration0005 } from './0005-insurer-sync';
import { migration0006 } from './0006-insurer-losses';

describe('migration 0006: loss outbox', () => {
  it('adds the table, keeps the limit requests of a version-5 store, and finds a submission by the insurer’s id', async () => {
    const old = new KredoDb('migration-0006', [migration0001, migration0002, migration0003, migration0004, migration0005]);
    await old.syncState.put({ key: 'cursor', value: 'abc' });
    old.close();

    const db = new KredoDb('migration-0006', [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006]);
    await db.open();
    expect(db.verno).toBe(migration0006.version);
    expect(await db.syncState.get('cursor')).toEqual({ key: 'cursor', value: 'abc' });
    const entry = newLossSubmission({
      id: 'k1', debtorId: 'D1', kind: 'claim', createdAt: '2026-11-24T09:00:00Z', detail: {},
      invoices: [{ number: 'F-1', issueDate: '2026-07-01' as IsoDate, dueDate: '2026-07-31' as IsoDate, netAmountMinor: 100_000, grossAmountMinor: 121_000, currency: 'EUR' }],
    });
    await db.lossOutbox.put({ ...entry, state: 'ACKNOWLEDGED', insurerId: 'CLM-000001' });
    expect(await db.lossOutbox.where('insurerId').equals('CLM-000001').first()).toMatchObject({ debtorId: 'D1', kind: 'claim' });
    db.close();
  });
});
