import 'fake-indexeddb/auto';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { LOCALE_RESOURCES } from '../../../../locales/resources';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { Language } from '../../../../shared/i18n/languages';
import type { MailOutcome } from '../../../../shared/ipc/mail-contract';
import { bytesToBase64 } from '../../data/backup/backup-format';
import { KredoDb } from '../../data/db/kredo-db';
import type { StoredDocument } from '../../data/db/schema';
import { recordMailOutcomes } from '../../data/dunning/record-mail-outcomes';
import { mailTimelineText } from './mail-timeline-text';

function i18nIn(language: Language) {
  const instance = createInstance();
  void instance.init({ resources: LOCALE_RESOURCES, lng: language, fallbackLng: 'en', ns: ['debtor'], defaultNS: 'debtor', initAsync: false, interpolation: { escapeValue: false } });
  return instance;
}

const statement: StoredDocument = {
  id: 'statement:debtor-7:2026-12-01', debtorId: 'debtor-7', actionId: 'statement:debtor-7:2026-12-01', step: 'statement', language: 'en', createdAt: '2026-12-01T08:00:00.000Z',
  fileName: 'GB007-statement-2026-12-01', pdfBase64: 'JVBERi0=', currency: 'GBP', totalDueMinor: 120_000, mail: { messageId: '<s1@acme.example>', state: 'queued' },
};
const outcome = (patch: Partial<MailOutcome> = {}): MailOutcome => ({
  key: statement.id, debtorId: 'debtor-7', messageId: '<s1@acme.example>', state: 'sent', at: '2026-12-01T08:01:00.000Z', to: 'accounts@harrow.example',
  subject: 'Statement of account GB007', attempts: 1, emlBase64: bytesToBase64(new TextEncoder().encode('Subject: Statement\r\n\r\nx')), ...patch,
});

async function recorded(patch: Partial<MailOutcome> = {}): Promise<AuditEntry> {
  const db = new KredoDb(`mail-timeline-${Math.random()}`);
  await db.documents.put(statement);
  await recordMailOutcomes(db, [outcome(patch)]);
  const [line] = await db.audit.toArray();
  db.close();
  return line!;
}

describe('an e-mailed statement of account on the debtor’s timeline', () => {
  it('is named a statement of account, not a letter, in every language', async () => {
    const line = await recorded();
    expect(mailTimelineText(line, i18nIn('en'))).toBe('Statement of account e-mailed to accounts@harrow.example: “Statement of account GB007”');
    expect(mailTimelineText(line, i18nIn('nl'))).toBe('Rekeningoverzicht gemaild naar accounts@harrow.example: ‘Statement of account GB007’');
    expect(mailTimelineText(line, i18nIn('sv'))).toBe('Kontoutdrag mejlat till accounts@harrow.example: ”Statement of account GB007”');
    for (const language of ['en', 'nl', 'sv'] as const) expect(mailTimelineText(line, i18nIn(language))).not.toMatch(/letter|brief|brev/i);
  });

  it('names the statement when the server refuses it or Kredo stopped while sending it', async () => {
    const refused = await recorded({ state: 'failed', code: 'mail.refused', response: '550 5.1.1 No such user' });
    expect(mailTimelineText(refused, i18nIn('en'))).toBe('Statement of account e-mail to accounts@harrow.example refused by the mail server: 550 5.1.1 No such user');
    expect(mailTimelineText(refused, i18nIn('nl'))).toBe('E-mail met rekeningoverzicht naar accounts@harrow.example geweigerd door de mailserver: 550 5.1.1 No such user');
    expect(mailTimelineText(refused, i18nIn('sv'))).toBe('Mejl med kontoutdrag till accounts@harrow.example avvisades av e-postservern: 550 5.1.1 No such user');
    const uncertain = await recorded({ state: 'uncertain', code: 'mail.uncertain' });
    expect(mailTimelineText(uncertain, i18nIn('en'))).toMatch(/^Statement of account e-mail to accounts@harrow\.example may or may not have been sent/);
    expect(mailTimelineText(uncertain, i18nIn('nl'))).toMatch(/^E-mail met rekeningoverzicht naar accounts@harrow\.example is misschien niet verzonden/);
    expect(mailTimelineText(uncertain, i18nIn('sv'))).toMatch(/^Mejlet med kontoutdraget till accounts@harrow\.example kan ha skickats/);
  });

  it('names a statement recorded before the line said what was sent, by its document', () => {
    const older: AuditEntry = { seq: 1, at: '2026-12-01T08:01:00.000Z', actor: 'system', action: 'mail.sent', entityType: 'debtor', entityId: 'debtor-7', details: { documentId: statement.id, to: 'a@b.example', subject: 'S' } };
    expect(mailTimelineText(older, i18nIn('en'))).toBe('Statement of account e-mailed to a@b.example: “S”');
  });

  it('still calls a dunning letter a letter', () => {
    const letter: AuditEntry = { seq: 2, at: '2026-12-01T08:01:00.000Z', actor: 'system', action: 'mail.sent', entityType: 'debtor', entityId: 'debtor-7', details: { documentId: 'action-1:letter', step: 'reminder-1', to: 'a@b.example', subject: 'Reminder' } };
    expect(mailTimelineText(letter, i18nIn('en'))).toBe('Letter e-mailed to a@b.example: “Reminder”');
    expect(mailTimelineText(letter, i18nIn('nl'))).toBe('Brief gemaild naar a@b.example: ‘Reminder’');
  });
});
