import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0013 } from './0013-interest-rates';

describe('migration 0013: the controller’s interest-rate rows', () => {
  it('adds the table, finds rows by table, and keeps an older store’s data', async () => {
    const old = new KredoDb('migration-0013', MIGRATIONS.filter((migration) => migration.version < 13));
    await old.meta.put({ key: 'creditor', value: '{"name":"Kredo Demo B.V."}' });
    old.close();

    const db = new KredoDb('migration-0013', MIGRATIONS.filter((migration) => migration.version <= 13));
    await db.open();
    expect(db.verno).toBe(migration0013.version);
    expect(await db.meta.get('creditor')).toMatchObject({ value: '{"name":"Kredo Demo B.V."}' });
    await db.interestRates.put({ id: 'SE_REFERENSRANTA:2026-07-01', kind: 'SE_REFERENSRANTA', validFrom: '2026-07-01' as IsoDate, rateBp: 200, source: 'riksbank.se', addedAt: '2026-12-06T09:00:00Z' });
    await db.interestRates.put({ id: 'UK_BASE_RATE:2026-08-06', kind: 'UK_BASE_RATE', validFrom: '2026-08-06' as IsoDate, rateBp: 400, source: '', addedAt: '2026-12-06T09:00:00Z' });
    expect(await db.interestRates.where('kind').equals('SE_REFERENSRANTA').toArray()).toEqual([expect.objectContaining({ rateBp: 200 })]);
    db.close();
  });
});
