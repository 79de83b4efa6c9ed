import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0008 } from './0008-promises';

describe('migration 0008: promises and payment plans', () => {
  it('adds the two tables and keeps a version-7 store’s letters', async () => {
    const old = new KredoDb('migration-0008', MIGRATIONS.filter((migration) => migration.version < 8));
    await old.documents.put({ id: 'doc-1', debtorId: 'D1', actionId: 'A1', step: 'reminder-1', language: 'en', createdAt: '2026-11-24T09:00:00Z', fileName: 'x', pdfBase64: '', eml: '', currency: 'EUR', totalDueMinor: 1 });
    old.close();

    const db = new KredoDb('migration-0008', MIGRATIONS.filter((migration) => migration.version <= 8));
    await db.open();
    expect(db.verno).toBe(migration0008.version);
    expect(await db.documents.get('doc-1')).toMatchObject({ debtorId: 'D1' });
    await db.promises.put({ id: 'p1', debtorId: 'D1', itemIds: [], amountMinor: 500_000, currency: 'EUR', promisedOn: '2026-11-24' as IsoDate, dueOn: '2026-11-27' as IsoDate });
    await db.paymentPlans.put({ id: 'pp1', debtorId: 'D1', itemIds: [], currency: 'EUR', totalMinor: 300_000, agreedOn: '2026-11-24' as IsoDate, instalments: [{ dueOn: '2026-12-01' as IsoDate, amountMinor: 300_000 }] });
    expect(await db.promises.where('debtorId').equals('D1').count()).toBe(1);
    expect(await db.paymentPlans.where('debtorId').equals('D1').count()).toBe(1);
    db.close();
  });
});
