import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailMessageRequest, MailOutcome } from '../../../../shared/ipc/mail-contract';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { KredoDb } from '../db/kredo-db';
import type { StoredDocument } from '../db/schema';
import { LAST_LETTER_NUMBER_KEY, letterNumberFor } from '../dunning/letter-number';
import { loadWorklist } from '../dunning/load-worklist';
import { processWorklist } from '../dunning/process-worklist';
import { readDebtorDetail } from '../queries/read-debtor-detail';
import { recordMailOutcomes } from '../dunning/record-mail-outcomes';
import { base64ToBytes, bytesToBase64 } from './backup-format';
import { readBackup, type ParsedBackup } from './read-backup';
import { restoreStore } from './restore-store';
import { writeBackup } from './write-backup';

/**
 * What a restore must not take from the controller: the evidence of what the debtor was e-mailed. The e-mail
 * outbox is the main process's (mail-outbox-store.ts) and forgets a message once its outcome is on the
 * debtor's timeline; from then on the kept document (`eml`, `mail`) and the audit line are the only record.
 */
let open: KredoDb[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});
function freshDb(): KredoDb {
  const db = new KredoDb(`restore-evidence-${Math.random()}`);
  open.push(db);
  return db;
}

async function backupOf(db: KredoDb): Promise<ParsedBackup> {
  const pieces: string[] = [];
  await writeBackup(db, {
    reason: 'manual', createdAt: '2026-12-01T08:00:00Z', debtors: 0,
    sink: { begin: async () => 's', append: async (_s, piece) => void pieces.push(piece), commit: async () => ({ id: 'b', fileName: 'b', createdAt: '', reason: 'manual', sizeBytes: 0, schemaVersion: 0, counts: {}, debtors: 0 }), abort: async () => undefined },
  });
  const bytes = pieces.map((piece) => base64ToBytes(piece));
  const all = new Uint8Array(bytes.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of bytes) {
    all.set(piece, offset);
    offset += piece.length;
  }
  return readBackup({ read: async () => ({ pieceBase64: bytesToBase64(all), nextOffset: null }) });
}

const letter = (actionId: string, number: number, patch: Partial<StoredDocument> = {}): StoredDocument => ({
  id: `${actionId}:letter`, debtorId: 'debtor-1', actionId, step: 'reminder-1', language: 'nl', createdAt: '2026-12-01T07:00:00.000Z', fileName: `C001-${actionId}`,
  pdfBase64: 'JVBERi0=', eml: 'X-Unsent: 1\r\n\r\ndraft', currency: 'EUR', totalDueMinor: 10_000, paymentReference: `000000000000${number}`, invoiceNumbers: ['2026-001'], ...patch,
});
const sentMessage = (id: string) => `Message-ID: <${id}@acme.example>\r\nSubject: Herinnering\r\n\r\nGeachte heer,\r\n`;
const outcome = (actionId: string, state: MailOutcome['state'], patch: Partial<MailOutcome> = {}): MailOutcome => ({
  key: `${actionId}:letter`, debtorId: 'debtor-1', messageId: `<${actionId}@acme.example>`, state, at: '2026-12-02T09:00:00.000Z', to: 'debiteur@devries.example',
  subject: 'Herinnering', attempts: 1, emlBase64: bytesToBase64(new TextEncoder().encode(sentMessage(actionId))), ...patch,
});
// A new object each time: Dexie writes the audit line's seq into the object it adds.
const restored = () => ({ at: '2026-12-03T08:00:00Z', actor: 'user' as const, action: 'backup.restored', entityType: 'backup' as const, entityId: 'b', details: {} });

async function giveNumber(db: KredoDb, document: StoredDocument, queued?: string): Promise<number> {
  const number = await letterNumberFor(db, document.actionId);
  await db.documents.put({ ...document, ...(queued && { mail: { messageId: queued, state: 'queued' as const } }) });
  return number;
}

describe('restoring a backup after letters were e-mailed', () => {
  it('keeps the message sent and its outcome of a letter that was still in the outbox when the backup was made', async () => {
    const db = freshDb();
    await giveNumber(db, letter('action-1', 1), '<action-1@acme.example>');
    const backup = await backupOf(db);
    await recordMailOutcomes(db, [outcome('action-1', 'sent')]);

    await restoreStore(db, backup, restored());
    const kept = await db.documents.get('action-1:letter');
    expect(kept?.mail).toMatchObject({ messageId: '<action-1@acme.example>', state: 'sent' });
    expect(kept?.eml).toBe(sentMessage('action-1'));
    expect((await db.audit.toArray()).map((line) => line.action)).toEqual(['mail.sent', 'backup.restored']);
  });

  it('keeps a letter made and e-mailed (or refused) after the backup, and never gives its number again', async () => {
    const db = freshDb();
    await giveNumber(db, letter('action-1', 1));
    const backup = await backupOf(db);
    await giveNumber(db, letter('action-2', 2), '<action-2@acme.example>');
    await giveNumber(db, letter('action-3', 3), '<action-3@acme.example>');
    await giveNumber(db, letter('action-4', 4));
    await recordMailOutcomes(db, [outcome('action-2', 'sent'), outcome('action-3', 'failed', { code: 'mail.refused', response: '550 No such user' })]);

    await restoreStore(db, backup, restored());
    expect((await db.documents.toArray()).map((document) => [document.id, document.mail?.state])).toEqual([
      ['action-1:letter', undefined],
      ['action-2:letter', 'sent'],
      ['action-3:letter', 'failed'],
    ]);
    expect((await db.documents.get('action-2:letter'))?.eml).toBe(sentMessage('action-2'));
    // The debtor holds letters 2 to 4 (e-mailed, or printed and posted): their payment references stay theirs.
    expect((await db.meta.get(LAST_LETTER_NUMBER_KEY))?.value).toBe(4);
    expect(await letterNumberFor(db, 'action-2')).toBe(2);
    expect(await letterNumberFor(db, 'action-5')).toBe(5);
  });

  it('restores a backup of an older version, from before letter texts and e-mail, with the evidence kept', async () => {
    const db = freshDb();
    await giveNumber(db, letter('action-1', 1), '<action-1@acme.example>');
    const read = await backupOf(db);
    // A version-18 file: no letterTexts table, and letters kept without e-mail state or text version.
    const tables = new Map([...read.tables].filter(([name]) => name !== 'letterTexts').map(([name, records]) => [name, name === 'documents' ? records.map((record) => {
      const { mail: _mail, textVersion: _version, ...rest } = record as StoredDocument;
      return rest;
    }) : records]));
    const old: ParsedBackup = { header: { ...read.header, schemaVersion: 18, counts: Object.fromEntries(Object.entries(read.header.counts).filter(([name]) => name !== 'letterTexts')) }, tables };
    await db.letterTexts.put({ id: 'nl:reminder-1:1', key: 'nl:reminder-1', language: 'nl', step: 'reminder-1', version: 1, texts: { opening: 'Later.' }, savedAt: '2026-12-02T09:00:00Z' });
    await recordMailOutcomes(db, [outcome('action-1', 'uncertain', { code: 'mail.uncertain' })]);

    await restoreStore(db, old, restored());
    expect(await db.letterTexts.count()).toBe(0);
    expect((await db.documents.get('action-1:letter'))?.mail).toMatchObject({ state: 'uncertain' });
    expect(await letterNumberFor(db, 'action-9')).toBe(2);
  });

  it('keeps a dunning step done whose letter was e-mailed after the backup, so the worklist does not plan it again and the timeline agrees', async () => {
    const today = '2026-11-24' as IsoDate;
    const request = { today, at: `${today}T09:00:00.000Z`, locale: 'en-GB', leadDays: 7 };
    const db = await openDemoStore(`restore-evidence-step-${Math.random()}`, today);
    open.push(db);
    const reminders = (await loadWorklist(db, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1' && entry.letterReach?.email).slice(0, 3);
    expect(reminders).toHaveLength(3);
    const backup = await backupOf(db);
    const queued: MailMessageRequest[] = [];
    const outbox = { queueMail: async (message: MailMessageRequest) => (queued.push(message), { messageId: `<${message.key}@acme.example>`, queued: true }) };
    expect(await processWorklist(db, { ...request, entryIds: reminders.map((entry) => entry.id) }, outbox)).toMatchObject({ done: 3 });
    const states = [['sent', {}], ['failed', { code: 'mail.refused' }], ['uncertain', { code: 'mail.uncertain' }]] as const;
    await recordMailOutcomes(db, queued.map((message, index) => outcome(message.key.replace(/:letter$/, ''), states[index]![0], { ...states[index]![1], debtorId: message.debtorId })));

    await restoreStore(db, backup, restored());
    // Each letter the debtor may hold (or that waits in the outbox for Send again) keeps its step done.
    const after = (await loadWorklist(db, request))!.entries.map((entry) => entry.id);
    for (const entry of reminders) expect(after).not.toContain(entry.id);
    expect(await processWorklist(db, { ...request, entryIds: reminders.map((entry) => entry.id) }, outbox)).toMatchObject({ done: 0 });
    expect(queued).toHaveLength(3);
    for (const entry of reminders) {
      const actionId = (entry.task as { readonly action: { readonly id: string } }).action.id;
      const detail = await readDebtorDetail(db, entry.debtorId, undefined);
      expect(detail?.dunning.find((action) => action.id === actionId)).toMatchObject({ status: 'done', doneOn: today });
      expect((await db.documents.get(`${actionId}:letter`))?.mail?.messageId).toBe(`<${actionId}@acme.example>`);
    }
    expect(await Promise.all(queued.map(async (message) => (await db.documents.get(message.key))?.mail?.state))).toEqual(['sent', 'failed', 'uncertain']);
  });
});
