import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import type { StoredDebtor } from '../schema';
import { MIGRATIONS } from './index';
import { migration0024 } from './0024-worklist-debtors';

describe('migration 0024: each debtor chunk’s debtors as the Dunning worklist reads them', () => {
  it('adds the table empty and keeps the debtors of an older store, whose chunks get their worklist debtors when next written', async () => {
    const debtor = { id: 'D1', customerCode: 'C-1', name: 'Bakker Bouw B.V.', country: 'NL', segment: 'standard', contacts: [], chunkId: 0 } as unknown as StoredDebtor;
    const old = new KredoDb('migration-0024', MIGRATIONS.filter((migration) => migration.version < 24));
    await old.debtorChunks.put({ chunkId: 0, debtors: [debtor] });
    old.close();

    const db = new KredoDb('migration-0024', MIGRATIONS.filter((migration) => migration.version <= 24));
    await db.open();
    expect(db.verno).toBe(migration0024.version);
    expect(await db.debtorChunks.get(0)).toMatchObject({ debtors: [{ id: 'D1' }] });
    expect(await db.worklistDebtorChunks.count()).toBe(0);
    await db.debtorChunks.put({ chunkId: 0, debtors: [debtor] });
    expect(await db.worklistDebtorChunks.get(0)).toMatchObject({ ids: ['D1'], names: ['Bakker Bouw B.V.'], customerCodes: ['C-1'] });
    db.close();
  });

  it('adds a table only, so a backup from before it still restores', () => {
    expect(migration0024.upgrade).toBeUndefined();
    expect(canRestoreSchema(23)).toBe(true);
  });
});
