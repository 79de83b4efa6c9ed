import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';
import type { WorklistEntry } from '../../../../shared/domain/dunning/worklist';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from '../db/kredo-db';
import { inThreadLetterPdfs, type LetterPdfBuilder } from '../../letters/letter-pdf-builder';
import { loadWorklist } from './load-worklist';
import { processWorklist, type ProcessProgress } from './process-worklist';

const today = '2026-11-24' as IsoDate;
const request = { today, at: `${today}T09:00:00.000Z`, locale: 'en-GB', leadDays: 7 };
const LETTERS = 5;
const BUILD_TIMEOUT_MS = 240_000; // a ceiling for slow CI machines, not a performance assertion

/** The demo's first letter entries of each step, in the worklist's order, with and without an e-mail address. */
async function letterEntries(db: KredoDb): Promise<readonly WorklistEntry[]> {
  const entries = (await loadWorklist(db, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && ['reminder-1', 'reminder-2', 'formal-notice'].includes(entry.task.step) && (!entry.letterReach || entry.letterReach.address || entry.letterReach.email));
  const steps = ['reminder-1', 'reminder-2', 'formal-notice'].map((step) => entries.filter((entry) => (entry.task as { step: string }).step === step));
  // Of each step in turn, so the batch holds different letters; then in the worklist's order.
  const picked = new Set(Array.from({ length: LETTERS }, (_, index) => steps[index % 3]![Math.floor(index / 3)]).filter((entry) => entry !== undefined));
  return entries.filter((entry) => picked.has(entry)).concat(entries.filter((entry) => !picked.has(entry))).slice(0, LETTERS);
}

/** An outbox that keeps what it is given, answering Message-IDs in order. */
function outbox(events: string[] = []) {
  const queued: MailMessageRequest[] = [];
  const progress: ProcessProgress = {
    queueMail: async (message) => (queued.push(message), events.push(`queued ${message.key}`), { messageId: `<${queued.length}@acme.example>`, queued: true }),
  };
  return { queued, progress };
}

/** The real PDFs, built after a wait that differs per letter, so a letter's PDF may come in while the one before is stored. */
function delayedPdfs(events: string[]): LetterPdfBuilder {
  let count = 0;
  return {
    async build(content) {
      events.push(`build ${content.fileName}`);
      const delay = [30, 0, 15, 5, 40][count++ % 5]!;
      await new Promise((resolve) => setTimeout(resolve, delay));
      return inThreadLetterPdfs.build(content);
    },
    close: () => void events.push('closed'),
  };
}

/** What processing left in the store: letters, steps, audit lines (without their keys), letter numbers. */
async function stored(db: KredoDb) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    // The draft's MIME boundary and Message-ID are random in every .eml (letter-eml.ts): the rest must be equal.
    documents: byId(await db.documents.toArray()).map((letter) => ({ ...letter, eml: letter.eml?.replace(/=_kredo_[0-9a-f]+/g, '=_kredo_boundary').replace(/^Message-ID: <[^>]+>/m, 'Message-ID: <random>') })),
    actions: byId(await db.dunningActions.toArray()),
    audit: (await db.audit.toArray()).map((line) => ({ ...line, id: undefined })),
    numbers: (await db.meta.toArray()).filter((row) => row.key.startsWith('letters.')).sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/**
 * Issue 14: a batch builds the next letter's PDF (in a worker) while the letter before is stored. What it
 * stores and sends must be what processing the same entries one at a time — the path without any overlap —
 * stores and sends: the same PDFs and drafts, numbers given in the same order, the same steps, audit lines and
 * outbox messages, also when the batch is stopped and run again.
 */
describe('processing a batch of letters with the next PDF built while a letter is stored', () => {
  it('stores and queues exactly what processing the entries one at a time does', async () => {
    const alone = await openDemoStore('pipeline-one-at-a-time', today);
    const batch = await openDemoStore('pipeline-batch', today);
    const entries = await letterEntries(alone);
    expect(entries).toHaveLength(LETTERS);
    expect(entries.some((entry) => entry.letterReach?.email)).toBe(true);

    const one = outbox();
    for (const entry of entries) expect(await processWorklist(alone, { ...request, entryIds: [entry.id] }, one.progress)).toMatchObject({ done: 1 });

    const events: string[] = [];
    const all = outbox(events);
    expect(await processWorklist(batch, { ...request, entryIds: entries.map((entry) => entry.id) }, { ...all.progress, onProgress: (done) => void events.push(`stored ${done}`) }, () => delayedPdfs(events))).toEqual({ done: LETTERS, submitted: 0, notMade: 0 });

    expect(await stored(batch)).toEqual(await stored(alone));
    expect(all.queued).toEqual(one.queued);
    // The second letter's PDF was asked for before the first letter was stored; the builder ended with the batch.
    expect(events.indexOf(events.find((event) => event.startsWith('build '))!)).toBe(0);
    expect(events.filter((event) => event.startsWith('build ')).length).toBe(LETTERS);
    expect(events.findIndex((event, index) => index > 0 && event.startsWith('build '))).toBeLessThan(events.indexOf('stored 1'));
    expect(events.at(-1)).toBe('closed');
    alone.close();
    batch.close();
  }, BUILD_TIMEOUT_MS);

  it('stopped after a letter, keeps that letter only, and run again makes the rest as one batch would', async () => {
    const whole = await openDemoStore('pipeline-whole', today);
    const stopped = await openDemoStore('pipeline-stopped', today);
    const entries = await letterEntries(whole);
    const ids = entries.map((entry) => entry.id);
    const wholeOutbox = outbox();
    await processWorklist(whole, { ...request, entryIds: ids }, wholeOutbox.progress, () => delayedPdfs([]));

    const events: string[] = [];
    const stoppedOutbox = outbox(events);
    let done = 0;
    const first = await processWorklist(stopped, { ...request, entryIds: ids }, { ...stoppedOutbox.progress, onProgress: (count) => void (done = count), isStopped: () => done >= 2 }, () => delayedPdfs(events));
    expect(first).toEqual({ done: 2, submitted: 0, notMade: 0, stopped: true });
    // Two letters and steps stored, nothing of the third: no letter, no step, no audit line, no message.
    const afterStop = await stored(stopped);
    expect(afterStop.documents).toHaveLength(2);
    expect(afterStop.actions).toHaveLength(2);
    expect(afterStop.audit.filter((line) => line.action === 'dunning.stepDone')).toHaveLength(2);
    expect(stoppedOutbox.queued.length).toBe(afterStop.documents.filter((letter) => letter.eml !== undefined).length);

    await processWorklist(stopped, { ...request, entryIds: ids }, stoppedOutbox.progress, () => delayedPdfs([]));
    expect(await stored(stopped)).toEqual(await stored(whole));
    expect(stoppedOutbox.queued).toEqual(wholeOutbox.queued);
    whole.close();
    stopped.close();
  }, BUILD_TIMEOUT_MS);
});
