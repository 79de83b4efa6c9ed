import 'fake-indexeddb/auto';
import { createInstance } from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMailService, type MailService } from '../../electron/main/mail/mail-service';
import { smtpReply, startTestSmtpServer, type TestSmtpServer } from '../../electron/main/mail/smtp-test-server.test-support';
import { pdfText } from '../../electron/main/mail/test-pdf.test-support';
import { createSecretStore, plaintextSecretCodec } from '../../electron/main/services/secret-store';
import { openSettingsStore } from '../../electron/main/services/settings-store';
import { LOCALE_RESOURCES } from '../../locales/resources';
import type { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { recordMailOutcomes } from '../../renderer/src/data/dunning/record-mail-outcomes';
import { debtorsWithOpenItems, makeStatements } from '../../renderer/src/data/statements/make-statement';
import { mailTimelineText } from '../../renderer/src/features/debtor/mail-timeline-text';
import type { MailOutcome } from '../../shared/ipc/mail-contract';
import type { IsoDate } from '../../shared/time/iso-date';
import { createMemoryLogger } from '../support/memory-logger';
import { makeTempDir } from '../support/temp-dir';
import { openDemoStore } from './demo-store';

/**
 * Statements of account e-mailed (issue 16, item 3: "PDF and e-mail", for a batch): through the same outbox
 * as letters, against a real SMTP server on 127.0.0.1 — each statement once, with the Message-ID the outbox
 * gave it, kept as sent (or refused) on the statement and named a statement on the debtor's timeline.
 */
const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00.000Z`;

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let smtp: TestSmtpServer;
let service: MailService;
let db: KredoDb;

beforeEach(async () => {
  dir = await makeTempDir('kredo-statement-mail-');
});
afterEach(async () => {
  await service?.close();
  await smtp?.close();
  db?.close();
  await dir.remove();
});

async function openService(port: number): Promise<MailService> {
  const logger = createMemoryLogger();
  const settings = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'en' }, logger });
  const secrets = createSecretStore({ userDataDir: dir.path, codec: plaintextSecretCodec, logger });
  const opened = await openMailService({ userDataDir: dir.path, settings, secrets, logger, onOutcome: () => undefined, policy: { baseDelayMs: 20, maxDelayMs: 100 } });
  await opened.save({ host: '127.0.0.1', port, security: 'none', user: '', fromName: 'Kredo Demo Credit Control', fromAddress: 'credit@kredo-demo.example', replyTo: null }, undefined);
  return opened;
}

/** What the renderer does with the outbox's outcomes (use-mail-outcomes.ts), until `count` are recorded. */
async function recordOutcomes(count: number): Promise<MailOutcome[]> {
  const all: MailOutcome[] = [];
  await vi.waitFor(async () => {
    const { outcomes } = await service.outcomes();
    await service.acknowledge(await recordMailOutcomes(db, outcomes));
    all.push(...outcomes);
    if (all.length < count) throw new Error(`${all.length} of ${count} outcomes`);
  }, { timeout: 30_000, interval: 50 });
  return all;
}

const english = createInstance();
void english.init({ resources: LOCALE_RESOURCES, lng: 'en', ns: ['debtor'], defaultNS: 'debtor', initAsync: false, interpolation: { escapeValue: false } });

describe('a batch of statements of account e-mailed through the outbox', () => {
  it('sends each statement once with its Message-ID and PDF, keeps the message sent, and a run again the same day sends none', async () => {
    db = await openDemoStore(`statement-mail-${Math.random()}`, today);
    const debtorIds = (await debtorsWithOpenItems(db)).slice(0, 12);
    let refusedAddress: string | undefined;
    smtp = await startTestSmtpServer({ onRcpt: (address) => (address === refusedAddress ? smtpReply(550, '5.1.1 No such user here') : undefined) });
    service = await openService(smtp.port);
    const queued: { key: string; to: string; messageId: string }[] = [];
    const queueMail = async (message: Parameters<MailService['queue']>[0]) => {
      // The first debtor's address is one the server does not know.
      refusedAddress ??= message.to.address;
      const result = await service.queue(message);
      queued.push({ key: message.key, to: message.to.address, messageId: result.messageId });
      return result;
    };
    const first = await makeStatements(db, { debtorIds, today, at }, { queueMail });
    expect(first.mailed).toBeGreaterThanOrEqual(3);
    expect(first.mailed).toBe(queued.length);

    await recordOutcomes(queued.length);
    expect(smtp.accepted).toHaveLength(queued.length - 1);
    for (const { key, to, messageId } of queued) {
      const statement = (await db.documents.get(key))!;
      const [line] = (await db.audit.where('[entityType+entityId]').equals(['debtor', statement.debtorId]).toArray()).filter((entry) => entry.action.startsWith('mail.'));
      if (to === refusedAddress) {
        expect(statement.mail).toMatchObject({ messageId, state: 'failed', code: 'mail.refused' });
        expect(mailTimelineText(line!, english)).toBe(`Statement of account e-mail to ${to} refused by the mail server: 550 5.1.1 No such user here`);
        continue;
      }
      const received = smtp.accepted.filter((message) => message.parsed.messageId === messageId);
      expect(received, key).toHaveLength(1);
      expect(received[0]!.envelopeTo).toEqual([to]);
      expect(statement.mail).toMatchObject({ messageId, state: 'sent' });
      expect(statement.eml).toContain(`Message-ID: ${messageId}`);
      const [attachment] = received[0]!.parsed.attachments;
      expect(attachment).toMatchObject({ filename: `${statement.fileName}.pdf`, contentType: 'application/pdf' });
      expect((await pdfText(attachment!.content)).replace(/\s/g, '')).toContain(statement.paymentReference);
      expect(mailTimelineText(line!, english)).toBe(`Statement of account e-mailed to ${to}: “${received[0]!.parsed.subject}”`);
    }

    // Run again the same day (a second click, or after a restart): nothing is made or e-mailed twice.
    const again = await makeStatements(db, { debtorIds, today, at }, { queueMail });
    expect(again).toMatchObject({ made: 0, mailed: 0, already: first.made });
    expect(queued).toHaveLength(first.mailed);
  });
});
