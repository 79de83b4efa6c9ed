import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import { testItem, testLedger } from '../../../../shared/domain/ledger/test-ledger';
import { generatePolicy } from '../../../../shared/generator/generate-portfolio';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { TABLE_NAMES } from '../db/schema';
import { base64ToBytes, bytesToBase64 } from '../backup/backup-format';
import { readBackup } from '../backup/read-backup';
import { restoreStore } from '../backup/restore-store';
import { writeBackup } from '../backup/write-backup';
import { beginTurnoverSend, prepareTurnoverDeclaration, recordTurnoverReceipt, turnoverHistory } from './turnover-declarations';

const today = '2026-12-07' as IsoDate;
let open: KredoDb[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

/** A store with two debtors' ledgers (NL in EUR, SE in SEK), the demo policy in EUR and one EUR/SEK rate. */
async function store(options: { withSekRate?: boolean } = {}): Promise<KredoDb> {
  const db = new KredoDb(`turnover-${Math.random()}`);
  open.push(db);
  await db.policies.put({ ...generatePolicy(today), turnoverDeclarationFrequency: 'monthly' } as never);
  if (options.withSekRate !== false) await db.exchangeRates.put({ date: '2026-10-30' as IsoDate, base: 'EUR', quote: 'SEK', rate: '11.2345' });
  const nl = testLedger('D-NL', [
    { ...testItem('D-NL', 'F1', { invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountMinor: 121_000 }), vatMinor: 21_000 },
    { ...testItem('D-NL', 'F2', { invoiceDate: '2026-11-30', dueDate: '2026-12-30', amountMinor: 12_100 }), vatMinor: 2_100 },
    { ...testItem('D-NL', 'C1', { invoiceDate: '2026-11-15', dueDate: '2026-11-15', amountMinor: -24_200 }), vatMinor: -4_200 },
    { ...testItem('D-NL', 'F0', { invoiceDate: '2026-10-31', dueDate: '2026-11-30', amountMinor: 99_999 }), vatMinor: 0 },
  ]);
  const se = testLedger('D-SE', [{ ...testItem('D-SE', 'S1', { invoiceDate: '2026-11-02', dueDate: '2026-12-02', amountMinor: 1_000_000, currency: 'SEK' }), vatMinor: 200_000 }]);
  const { numbers, texts } = encodeLedgerChunk(0, [nl, se], ['NL', 'SE']);
  await db.ledgerNumbers.put(numbers);
  await db.ledgerTexts.put(texts);
  return db;
}

const receipt = (version: number, correctionOf: string | null) => ({ declarationId: `TOD-00000${version}`, period: '2026-11', version, correctionOf, status: 'ACCEPTED', totalMinor: 171_209, currency: 'EUR', premiumMinor: 514, premiumRate: '0.0030', receivedAt: '2026-12-07T10:00:00.000Z' });

describe('turnover declarations from the stored ledger', () => {
  it('computes the month per country from the ledger columns, net of VAT, credit notes subtracted, SEK converted', async () => {
    const db = await store();
    const { draft, policyFrequency, versions } = await prepareTurnoverDeclaration(db, { period: '2026-11' });
    expect(policyFrequency).toBe('monthly');
    expect(versions).toEqual([]);
    expect(draft.lines).toEqual([
      { country: 'NL', invoiceCount: 2, creditNoteCount: 1, invoicedMinor: 110_000, creditedMinor: -20_000, amountMinor: 90_000 },
      // 8,000.00 SEK at 11.2345 = 712.09 EUR.
      { country: 'SE', invoiceCount: 1, creditNoteCount: 0, invoicedMinor: 71_209, creditedMinor: 0, amountMinor: 71_209 },
    ]);
    expect(draft.totalMinor).toBe(161_209);
  });

  it('refuses to send while a rate is missing, naming the currency', async () => {
    const db = await store({ withSekRate: false });
    const { draft } = await prepareTurnoverDeclaration(db, { period: '2026-11' });
    expect(draft.missingRates).toMatchObject([{ currency: 'SEK', itemCount: 1 }]);
    await expect(beginTurnoverSend(db, { period: '2026-11', at: '2026-12-07T10:00:00Z', mode: 'send' })).rejects.toMatchObject({ code: 'turnover.missingRates', params: { currencies: 'SEK' } });
    expect(await db.turnoverDeclarations.count()).toBe(0);
  });

  it('repeats an unanswered send under the same key, and makes a later send of the period a correction under a new one', async () => {
    const db = await store();
    const first = await beginTurnoverSend(db, { period: '2026-11', at: '2026-12-07T10:00:00Z', mode: 'send' });
    expect(first.submission).toMatchObject({ period: '2026-11', currency: 'EUR', version: 1, lines: [{ country: 'NL', amountMinor: 90_000 }, { country: 'SE', amountMinor: 71_209 }] });
    const again = await beginTurnoverSend(db, { period: '2026-11', at: '2026-12-07T10:05:00Z', mode: 'send' });
    expect(again.submission.idempotencyKey).toBe(first.submission.idempotencyKey);
    await recordTurnoverReceipt(db, { id: first.record.id, receipt: receipt(1, null), at: '2026-12-07T10:06:00Z' });

    const correction = await beginTurnoverSend(db, { period: '2026-11', at: '2026-12-08T09:00:00Z', mode: 'send' });
    expect(correction.submission.version).toBe(2);
    expect(correction.submission.idempotencyKey).not.toBe(first.submission.idempotencyKey);
    const history = await turnoverHistory(db);
    expect(history.map((record) => [record.version, record.state, record.receipt?.premiumMinor])).toEqual([[2, 'sending', undefined], [1, 'sent', 514]]);
  });

  it('keeps declarations in backups, and a restore gives them back', async () => {
    const db = await store();
    const { record } = await beginTurnoverSend(db, { period: '2026-11', at: '2026-12-07T10:00:00Z', mode: 'export' });
    expect(record).toMatchObject({ state: 'exported', version: 1 });
    const pieces: Uint8Array[] = [];
    await writeBackup(db, {
      reason: 'manual', createdAt: '2026-12-07T11:00:00Z', debtors: 2, tableOrder: TABLE_NAMES,
      sink: { begin: async () => 's', append: async (_s, piece) => void pieces.push(base64ToBytes(piece)), commit: async () => ({}) as never, abort: async () => undefined },
    });
    const all = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
    pieces.reduce((offset, piece) => (all.set(piece, offset), offset + piece.length), 0);
    const parsed = await readBackup({ read: async () => ({ pieceBase64: bytesToBase64(all), nextOffset: null }) });
    const target = new KredoDb(`turnover-restore-${Math.random()}`);
    open.push(target);
    await restoreStore(target, parsed, { at: '2026-12-07T12:00:00Z', actor: 'user', action: 'backup.restored', entityType: 'backup', entityId: 'b', details: {} });
    expect(await target.turnoverDeclarations.toArray()).toEqual(await db.turnoverDeclarations.toArray());
  });
});
