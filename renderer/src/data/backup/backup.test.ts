import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../../shared/ipc/contract';
import { DATA_TIERS, DEMO_SEED } from '../../../../shared/generator/data-tiers';
import { generateChunks, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { TABLE_NAMES } from '../db/schema';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { replacePortfolio } from '../store/replace-portfolio';
import { base64ToBytes, bytesToBase64 } from './backup-format';
import { readBackup, type BackupSource } from './read-backup';
import { restoreStore } from './restore-store';
import { writeBackup, type BackupSink } from './write-backup';
import { backupBeforeMigration } from '../worker/backup-operations';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { commitImport } from '../import/commit-import';
import { prepareBankPayments } from '../import/prepare-bank-payments';

const today = toIsoDate('2026-11-24');
let open: KredoDb[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});
function freshDb(name: string): KredoDb {
  const db = new KredoDb(`${name}-${Math.random()}`);
  open.push(db);
  return db;
}

async function demoStore(name: string): Promise<KredoDb> {
  const db = freshDb(name);
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
  const policy = generatePolicy(today);
  await replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks: generateChunks(plan, policy), chunkCount: plan.chunkCount, asOf: today, at: '2026-11-24T09:00:00Z', source: 'demo' });
  return db;
}

/** A sink and source that keep the file in memory, as the main process keeps it on disk. */
function memoryFile() {
  const pieces: Uint8Array[] = [];
  let aborted = false;
  const sink: BackupSink = {
    begin: async () => 'session-1',
    append: async (_session, pieceBase64) => {
      pieces.push(base64ToBytes(pieceBase64));
    },
    commit: async () => ({ id: 'kredo-1', fileName: 'kredo-1.kredobackup', createdAt: '2026-11-24T09:00:00Z', reason: 'manual', sizeBytes: pieces.reduce((sum, piece) => sum + piece.length, 0), schemaVersion: 3, counts: {}, debtors: 200 }) satisfies BackupInfo,
    abort: async () => {
      aborted = true;
    },
  };
  const bytes = () => {
    const all = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
    let offset = 0;
    for (const piece of pieces) {
      all.set(piece, offset);
      offset += piece.length;
    }
    return all;
  };
  const source = (pieceSize = 1_000): BackupSource => ({
    read: async (offset) => {
      const all = bytes();
      const end = Math.min(all.length, offset + pieceSize);
      return { pieceBase64: bytesToBase64(all.subarray(offset, end)), nextOffset: end < all.length ? end : null };
    },
  });
  return { sink, source, bytes, wasAborted: () => aborted };
}

async function snapshot(db: KredoDb) {
  const result: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) result[name] = await db.table(name).toArray();
  return result;
}

const restoredEntry = { at: '2026-11-25T08:00:00Z', actor: 'user' as const, action: 'backup.restored', entityType: 'backup' as const, entityId: 'kredo-1', details: {} };

describe('backup and restore', () => {
  it('gives back every record of every table, typed ledger columns included', async () => {
    const original = await demoStore('backup-original');
    // A statutory-interest rate the controller added (Settings › Interest rates) is in the backup too.
    await original.interestRates.put({ id: 'SE_REFERENSRANTA:2026-07-01', kind: 'SE_REFERENSRANTA', validFrom: toIsoDate('2026-07-01'), rateBp: 200, source: 'riksbank.se', addedAt: '2026-11-24T09:00:00Z' });
    // So is a version of the controller's letter texts (Settings › Letter texts, migration 0019).
    await original.letterTexts.put({ id: 'nl:reminder-1:1', key: 'nl:reminder-1', language: 'nl', step: 'reminder-1', version: 1, texts: { opening: 'Wij missen nog een betaling.' }, savedAt: '2026-11-24T09:00:00Z' });
    const file = memoryFile();
    await writeBackup(original, { reason: 'manual', createdAt: '2026-11-24T09:00:00Z', debtors: 200, tableOrder: TABLE_NAMES, sink: file.sink });
    const parsed = await readBackup(file.source());
    expect(parsed.header).toMatchObject({ format: 'kredo-backup', schemaVersion: LATEST_SCHEMA_VERSION, reason: 'manual', debtors: 200, counts: { debtorChunks: 2, ledgerNumbers: 2, interestRates: 1, letterTexts: 1 } });

    const target = freshDb('backup-target');
    await restoreStore(target, parsed, restoredEntry);
    const before = await snapshot(original);
    const after = await snapshot(target);
    for (const name of TABLE_NAMES.filter((table) => table !== 'audit')) expect(after[name], name).toEqual(before[name]);
    expect((after['ledgerNumbers'] as { itemAmount: unknown }[])[0]?.itemAmount).toBeInstanceOf(Float64Array);
    expect(after['interestRates']).toMatchObject([{ id: 'SE_REFERENSRANTA:2026-07-01', rateBp: 200 }]);
    expect(after['letterTexts']).toMatchObject([{ id: 'nl:reminder-1:1', texts: { opening: 'Wij missen nog een betaling.' } }]);
    expect(after['audit']).toMatchObject([{ action: 'portfolio.demoOpened' }, { action: 'backup.restored' }]);
  });

  it('gives back a bank import’s payments once: the chunks in a backup hold their overlays already', async () => {
    const original = await demoStore('backup-bank');
    // Ten lines each paying an open invoice by its payment reference, booked as overlays beside their chunks.
    const open = (await original.openInvoiceChunks.toArray()).flatMap((chunk) => Array.from(chunk.open, (amountMinor, row) => ({ amountMinor, currency: chunk.currencies[chunk.currency[row]!]!, reference: chunk.text.slice(chunk.textEnds[row * 3]!, chunk.textEnds[row * 3 + 1]!) })));
    const lines = open.filter((invoice) => invoice.reference !== '').slice(0, 10).map((invoice, index): BankTransaction => ({
      id: `L${index}`, position: index, accountIban: 'NL91ABNA0417164300', bookingDate: today, valueDate: today, amountMinor: invoice.amountMinor, currency: invoice.currency, direction: 'credit', isReversal: false,
      counterpartyName: '', counterpartyIban: '', structuredReference: invoice.reference, remittance: '', endToEndId: '', bankReference: `B${index}`,
    }));
    const prepared = await prepareBankPayments(original, lines, { fileName: 'bank.xml', at: '2026-11-24T09:30:00Z' });
    await commitImport(original, { record: { id: 'bank', fileName: 'bank.xml', fileHash: 'bank', kind: 'bank-transactions', at: '2026-11-24T09:30:00Z', report: {} }, updates: prepared.updates, toReview: prepared.toReview, today, homeCurrency: 'EUR' });
    expect(prepared.preview.booked.count).toBe(10);
    expect(await original.ledgerNumberOverlays.count()).toBeGreaterThan(0);
    const file = memoryFile();
    await writeBackup(original, { reason: 'manual', createdAt: '2026-11-24T09:00:00Z', debtors: 200, tableOrder: TABLE_NAMES, sink: file.sink });

    const target = freshDb('backup-bank-target');
    // An entry of its own: adding one gives it its seq, and restoredEntry's was given by an earlier test.
    await restoreStore(target, await readBackup(file.source()), { at: '2026-11-25T08:00:00Z', actor: 'user', action: 'backup.restored', entityType: 'backup', entityId: 'kredo-bank', details: {} });
    const before = await snapshot(original);
    const after = await snapshot(target);
    for (const name of TABLE_NAMES.filter((table) => table !== 'audit' && table !== 'ledgerNumberOverlays' && table !== 'ledgerTextOverlays')) expect(after[name], name).toEqual(before[name]);
    expect(after['ledgerNumberOverlays']).toEqual([]);
    expect(after['ledgerTextOverlays']).toEqual([]);
  });

  it('restores over existing data, keeping the audit trail and adding the restore to it', async () => {
    const db = await demoStore('backup-over');
    const file = memoryFile();
    await writeBackup(db, { reason: 'manual', createdAt: '2026-11-24T09:00:00Z', debtors: 200, sink: file.sink });
    const portfolio = await db.portfolio.get('current');
    await db.debtorChunks.clear();
    await db.ledgerNumbers.delete(1);
    await restoreStore(db, await readBackup(file.source()), restoredEntry);
    expect((await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors)).toHaveLength(200);
    expect(await db.ledgerNumbers.count()).toBe(2);
    expect(await db.portfolio.get('current')).toEqual(portfolio);
    expect((await db.audit.toArray()).map((entry) => entry.action)).toEqual(['portfolio.demoOpened', 'backup.restored']);
  });

  it('takes a consistent snapshot while the UI thread keeps writing, and counts what it wrote', async () => {
    const db = await demoStore('backup-concurrent');
    // The UI thread's own connection: notes and saved views are written from there, outside the data
    // worker's one-at-a-time lock. Each write here adds a note and records how many there are, together.
    const ui = new KredoDb(db.name);
    open.push(ui);
    let isBackingUp = true;
    let notes = 0;
    const writing = (async () => {
      while (isBackingUp) {
        await ui.transaction('rw', ui.audit, ui.meta, async () => {
          await ui.audit.add({ at: '2026-11-24T09:00:01Z', actor: 'user', action: 'debtor.noteAdded', entityType: 'debtor', entityId: 'NL-0001', details: { text: `note ${notes + 1}` } });
          await ui.meta.put({ key: 'notesSoFar', value: notes + 1 });
        });
        notes += 1;
      }
    })();
    const file = memoryFile();
    // backlogBytes 1: reading waits for compression after every batch, the transaction kept alive meanwhile.
    const written = await writeBackup(db, { reason: 'manual', createdAt: '2026-11-24T09:00:00Z', debtors: 200, tableOrder: TABLE_NAMES, sink: file.sink, backlogBytes: 1 }).finally(() => {
      isBackingUp = false;
    });
    await writing;
    expect(notes).toBeGreaterThan(0);
    expect(written.id).toBe('kredo-1');

    // Restorable: the counts in its header are those of the records in it.
    const parsed = await readBackup(file.source());
    const target = freshDb('backup-concurrent-target');
    await restoreStore(target, parsed, restoredEntry);
    // One moment's state: as many notes as that moment's count, never a note without its count.
    const restoredNotes = (await target.audit.toArray()).filter((entry) => entry.action === 'debtor.noteAdded').length;
    expect((await target.meta.get('notesSoFar'))?.value ?? 0).toBe(restoredNotes);
    expect(parsed.header.counts['audit']).toBe(1 + restoredNotes);
  });

  it('refuses a damaged file and leaves the store untouched', async () => {
    const db = await demoStore('backup-damaged');
    const file = memoryFile();
    await writeBackup(db, { reason: 'manual', createdAt: '2026-11-24T09:00:00Z', debtors: 200, sink: file.sink });
    const cut = file.bytes().subarray(0, Math.floor(file.bytes().length / 2));
    const truncated: BackupSource = { read: async () => ({ pieceBase64: bytesToBase64(cut), nextOffset: null }) };
    await expect(readBackup(truncated)).rejects.toMatchObject({ code: 'backup.damaged' });
    const garbage: BackupSource = { read: async () => ({ pieceBase64: bytesToBase64(new TextEncoder().encode('not gzip at all')), nextOffset: null }) };
    await expect(readBackup(garbage)).rejects.toMatchObject({ code: 'backup.damaged' });
    expect(await db.debtorChunks.count()).toBe(2);
  });

  it('refuses a backup of a schema version whose data later versions moved, and of a newer one', async () => {
    const db = await demoStore('backup-version');
    const file = memoryFile();
    await writeBackup(db, { reason: 'manual', createdAt: '2026-11-24T09:00:00Z', debtors: 200, sink: file.sink });
    const parsed = await readBackup(file.source());
    await expect(restoreStore(db, { ...parsed, header: { ...parsed.header, schemaVersion: 2 } }, restoredEntry)).rejects.toMatchObject({ code: 'backup.schemaMismatch' });
    await expect(restoreStore(db, { ...parsed, header: { ...parsed.header, schemaVersion: LATEST_SCHEMA_VERSION + 1 } }, restoredEntry)).rejects.toMatchObject({ code: 'backup.schemaMismatch' });
  });

  it('restores a backup from before version 4, which only added tables: they come back empty', async () => {
    const db = await demoStore('backup-v3');
    const file = memoryFile();
    await writeBackup(db, { reason: 'manual', createdAt: '2026-11-24T09:00:00Z', debtors: 200, sink: file.sink });
    const read = await readBackup(file.source());
    // A version-3 file has no such tables at all.
    const parsed = { ...read, tables: new Map([...read.tables].filter(([name]) => name !== 'imports' && name !== 'paymentsToReview')) };
    await db.imports.put({ id: 'later', fileName: 'x.csv', fileHash: 'ff', kind: 'open-items', at: '2026-11-25T09:00:00Z', report: {} });
    await restoreStore(db, { ...parsed, header: { ...parsed.header, schemaVersion: 3 } }, restoredEntry);
    expect(await db.imports.count()).toBe(0);
    expect(await db.debtorChunks.count()).toBe(2);
  });

  it('restores a backup from before version 14 with the chunks found by their cover ids and customer numbers again', async () => {
    const db = await demoStore('backup-v13');
    const file = memoryFile();
    await writeBackup(db, { reason: 'manual', createdAt: '2026-11-24T09:00:00Z', debtors: 200, sink: file.sink });
    const read = await readBackup(file.source());
    // A version-13 file's chunks carry no keys.
    const bare = (records: readonly unknown[]) => records.map((record) => {
      const { coverIds: _covers, insurerRefs: _refs, keysVersion: _version, ...rest } = record as Record<string, unknown>;
      return rest;
    });
    const tables = new Map([...read.tables].map(([name, records]) => [name, name === 'debtorChunks' || name === 'limitChunks' ? bare(records) : records]));
    const target = freshDb('backup-v13-target');
    await restoreStore(target, { ...read, tables, header: { ...read.header, schemaVersion: 13 } }, restoredEntry);
    const limit = (await target.limitChunks.get(1))!.limits.find((candidate) => candidate.coverId)!;
    const debtor = (await target.debtorChunks.get(1))!.debtors[0]!;
    expect(await target.limitChunks.where('coverIds').equals(limit.coverId!).primaryKeys()).toEqual([1]);
    expect(await target.debtorChunks.where('insurerRefs').equals(`ref:${debtor.customerCode}`).primaryKeys()).toEqual([1]);
  });

  it('backs up a store of an older version as it is, and leaves it so when that backup fails', async () => {
    const name = `backup-old-${Math.random()}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () => request.result.createObjectStore('debtors', { keyPath: 'id' }).put({ id: 'demo-0001', name: 'Van Dijk Bouw B.V.' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const file = memoryFile();
    const failing: BackupSink = { ...file.sink, commit: async () => Promise.reject(new Error('disk full')) };
    await expect(backupBeforeMigration(name, '2026-11-24T09:00:00Z', failing)).rejects.toThrow('disk full');
    expect(file.wasAborted()).toBe(true);
    const stored = (await indexedDB.databases()).find((database) => database.name === name);
    expect(stored?.version).toBe(10);

    const good = memoryFile();
    await backupBeforeMigration(name, '2026-11-24T09:00:00Z', good.sink);
    expect((await readBackup(good.source())).header).toMatchObject({ schemaVersion: 1, reason: 'before-migration', counts: { debtors: 1 } });
    expect((await indexedDB.databases()).find((database) => database.name === name)?.version).toBe(10);
  });

  it('discards a backup that fails half-way', async () => {
    const db = await demoStore('backup-failing');
    const file = memoryFile();
    const failing: BackupSink = { ...file.sink, append: async () => Promise.reject(new Error('disk full')) };
    await expect(writeBackup(db, { reason: 'daily', createdAt: '2026-11-24T09:00:00Z', debtors: 200, sink: { ...failing, abort: file.sink.abort } })).rejects.toThrow('disk full');
    expect(file.wasAborted()).toBe(true);
  });
});
