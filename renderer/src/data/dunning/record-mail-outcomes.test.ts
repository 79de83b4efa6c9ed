import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { MailOutcome } from '../../../../shared/ipc/mail-contract';
import { bytesToBase64 } from '../backup/backup-format';
import { KredoDb } from '../db/kredo-db';
import type { StoredDocument } from '../db/schema';
import { recordMailOutcomes } from './record-mail-outcomes';

const letter: StoredDocument = {
  id: 'action-1:letter', debtorId: 'debtor-1', actionId: 'action-1', step: 'reminder-1', language: 'nl', createdAt: '2026-12-07T09:00:00.000Z',
  fileName: 'C001-reminder-1-2026-12-07', pdfBase64: 'JVBERi0=', eml: 'X-Unsent: 1\r\n\r\ndraft', currency: 'EUR', totalDueMinor: 12_345,
  mail: { messageId: '<m1@acme.example>', state: 'queued' },
};

const sentMessage = 'Message-ID: <m1@acme.example>\r\nSubject: Herinnering\r\n\r\nGeachte heer,\r\n';
const outcome = (patch: Partial<MailOutcome> = {}): MailOutcome => ({
  key: 'action-1:letter', debtorId: 'debtor-1', messageId: '<m1@acme.example>', state: 'sent', at: '2026-12-07T09:01:00.000Z', to: 'debiteur@devries.example',
  subject: 'Herinnering', attempts: 1, response: '250 2.0.0 Ok: queued', emlBase64: bytesToBase64(new TextEncoder().encode(sentMessage)), ...patch,
});

describe('recording what the e-mail outbox did on the debtor’s timeline', () => {
  it('keeps the exact message sent as the letter’s e-mail and adds one timeline line, however often it is told', async () => {
    const db = new KredoDb('record-mail-outcomes-sent');
    await db.documents.put(letter);
    expect(await recordMailOutcomes(db, [outcome()])).toEqual(['action-1:letter']);
    expect(await recordMailOutcomes(db, [outcome()])).toEqual(['action-1:letter']);
    const kept = await db.documents.get('action-1:letter');
    expect(kept?.eml).toBe(sentMessage);
    expect(kept?.mail).toMatchObject({ messageId: '<m1@acme.example>', state: 'sent' });
    const lines = await db.audit.where('[entityType+entityId]').equals(['debtor', 'debtor-1']).toArray();
    expect(lines.map((line) => [line.action, line.details['to'], line.details['messageId']])).toEqual([['mail.sent', 'debiteur@devries.example', '<m1@acme.example>']]);
    db.close();
  });

  it('records a refusal with the server’s words', async () => {
    const db = new KredoDb('record-mail-outcomes-failed');
    await db.documents.put(letter);
    await recordMailOutcomes(db, [outcome({ state: 'failed', code: 'mail.refused', response: '550 5.1.1 No such user here' })]);
    expect((await db.documents.get('action-1:letter'))?.mail).toMatchObject({ state: 'failed', code: 'mail.refused' });
    const [line] = await db.audit.where('[entityType+entityId]').equals(['debtor', 'debtor-1']).toArray();
    expect(line).toMatchObject({ action: 'mail.failed', details: { response: '550 5.1.1 No such user here', code: 'mail.refused' } });
    db.close();
  });
});
