import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { encodeLedgerChunk } from '../../../../../shared/domain/ledger/ledger-chunk';
import { testItem, testLedger } from '../../../../../shared/domain/ledger/test-ledger';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0025 } from './0025-ledger-overlays';

describe('migration 0025: the payments a bank import booked, beside their ledger chunks', () => {
  it('adds both tables empty and keeps an older store’s ledger chunks as they were, read as before', async () => {
    const { numbers, texts } = encodeLedgerChunk(0, [testLedger('D1', [testItem('D1', 'F-1', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 12_100 })])], ['NL']);
    const old = new KredoDb('migration-0025', MIGRATIONS.filter((migration) => migration.version < 25));
    await old.transaction('rw', [old.ledgerNumbers, old.ledgerTexts], () => Promise.all([old.ledgerNumbers.put(numbers), old.ledgerTexts.put(texts)]));
    old.close();

    const db = new KredoDb('migration-0025', MIGRATIONS.filter((migration) => migration.version <= 25));
    await db.open();
    expect(db.verno).toBe(migration0025.version);
    expect(await db.ledgerNumberOverlays.count()).toBe(0);
    expect(await db.ledgerTextOverlays.count()).toBe(0);
    expect(await db.ledgerNumbers.get(0)).toEqual(numbers);
    expect(await db.ledgerTexts.get(0)).toEqual(texts);
    db.close();
  });

  it('adds tables only, so a backup from before it still restores', () => {
    expect(migration0025.upgrade).toBeUndefined();
    expect(canRestoreSchema(23)).toBe(true);
  });
});
