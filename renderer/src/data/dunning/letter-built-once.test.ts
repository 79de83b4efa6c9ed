import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { base64ToBytes } from '../backup/backup-format';
import type * as BackupFormat from '../backup/backup-format';
import type * as LetterContent from '../../letters/letter-content';
import type * as LetterDocument from '../../letters/letter-document';
import type * as MimeEncoding from '../../letters/mime-encoding';
import { loadWorklist } from './load-worklist';
import { makeLetterDocument } from './send-letter';

// Counted, not replaced: each module still does its own work.
const built = vi.hoisted(() => ({ contents: 0, pdfs: 0, encodings: 0 }));
vi.mock('../../letters/letter-content', async (original) => {
  const actual = await original<typeof LetterContent>();
  return { ...actual, buildLetterContent: (...args: Parameters<typeof actual.buildLetterContent>) => (built.contents++, actual.buildLetterContent(...args)) };
});
vi.mock('../../letters/letter-document', async (original) => {
  const actual = await original<typeof LetterDocument>();
  return { ...actual, letterDocument: (...args: Parameters<typeof actual.letterDocument>) => (built.pdfs++, actual.letterDocument(...args)) };
});
vi.mock('../../letters/mime-encoding', async (original) => {
  const actual = await original<typeof MimeEncoding>();
  return { ...actual, base64Lines: (...args: Parameters<typeof actual.base64Lines>) => (built.encodings++, actual.base64Lines(...args)) };
});
vi.mock('../backup/backup-format', async (original) => {
  const actual = await original<typeof BackupFormat>();
  return { ...actual, bytesToBase64: (...args: Parameters<typeof actual.bytesToBase64>) => (built.encodings++, actual.bytesToBase64(...args)) };
});

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00.000Z`;
const BUILD_TIMEOUT_MS = 120_000; // a ceiling for slow CI machines, not a performance assertion

/**
 * Issue 14: in a run of a hundred reminders the PDF is most of the time. A letter to a debtor with an
 * e-mail address has three outputs — the kept PDF, the .eml draft and the message the outbox sends — and
 * all three come from one content, one PDF and one base64 text of it.
 */
describe('a letter with an e-mail address', () => {
  it('builds its content and its PDF once and encodes the PDF once for the kept letter, the draft and the outbox', async () => {
    const db = await openDemoStore('letter-built-once', today);
    const entry = (await loadWorklist(db, { today, locale: 'en-GB', leadDays: 7 }))!.entries.find((candidate) => candidate.task.kind === 'dunning' && candidate.task.step === 'reminder-1' && candidate.letterReach?.email);
    expect(entry).toBeDefined();
    const task = entry!.task as { readonly action: { readonly id: string } };
    const itemIds = entry!.invoices.map((invoice) => invoice.itemId);
    built.contents = built.pdfs = built.encodings = 0;

    const letter = await makeLetterDocument(db, { debtorId: entry!.debtorId, actionId: task.action.id, step: 'reminder-1', itemIds, today, payBy: undefined, at });

    expect(letter?.mailMessage?.attachment.pdfBase64).toBe(letter?.pdfBase64);
    expect(letter?.eml?.replace(/\r\n/g, '')).toContain(letter?.pdfBase64);
    expect(base64ToBytes(letter!.pdfBase64).subarray(0, 5)).toEqual(new TextEncoder().encode('%PDF-'));
    expect(built).toEqual({ contents: 1, pdfs: 1, encodings: 1 });
    db.close();
  }, BUILD_TIMEOUT_MS);
});
