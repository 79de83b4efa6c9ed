import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { loadWorklist } from './load-worklist';
import { processWorklist } from './process-worklist';

const today = '2026-11-24' as IsoDate;
const request = { today, at: `${today}T09:00:00.000Z`, locale: 'en-GB', leadDays: 7 };

describe('the dunning worklist over the demo portfolio', () => {
  it('lists letters and insurer deadlines by risk-weighted value, and a processed batch never comes back', async () => {
    const db = await openDemoStore('worklist-1', today);
    const before = (await loadWorklist(db, request))!;
    const reminders = before.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1');
    expect(reminders.length).toBeGreaterThan(0);
    // Riskiest money first: the weighted values never rise down the list.
    const weights = before.entries.map((entry) => entry.weightedMinor);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    // One consolidated entry per debtor and step.
    expect(new Set(reminders.map((entry) => entry.debtorId)).size).toBe(reminders.length);

    const batch = reminders.slice(0, 3).map((entry) => entry.id);
    expect(await processWorklist(db, { ...request, entryIds: batch })).toEqual({ done: 3, submitted: 0, notMade: 0 });
    expect(await processWorklist(db, { ...request, entryIds: batch })).toEqual({ done: 0, submitted: 0, notMade: 0 });
    const after = (await loadWorklist(db, request))!;
    expect(after.entries.filter((entry) => batch.includes(entry.id))).toEqual([]);
    expect(await db.dunningActions.where('[status+plannedOn]').between(['done', ''], ['done', '\uffff']).count()).toBe(3);
    expect(await db.audit.filter((entry) => entry.action === 'dunning.stepDone').count()).toBe(3);
    // Each first reminder's letter is kept as it was made: the PDF and the e-mail draft, named in the audit line.
    const documents = await db.documents.toArray();
    expect(documents).toHaveLength(3);
    for (const document of documents) {
      expect(atob(document.pdfBase64).startsWith('%PDF-')).toBe(true);
      expect(document.eml).toContain('X-Unsent: 1\r\n');
      expect(await db.audit.filter((entry) => entry.details['documentId'] === document.id).count()).toBe(1);
    }
    db.close();
  });

  it('turns an insurer deadline into a submission once, and the deadline leaves the list', async () => {
    const db = await openDemoStore('worklist-2', today);
    const deadline = (await loadWorklist(db, request))!.entries.find((entry) => entry.task.kind === 'deadline' && entry.task.deadline === 'overdue-notification' && entry.task.daysLeft >= 0);
    expect(deadline).toBeDefined();
    expect(await processWorklist(db, { ...request, entryIds: [deadline!.id] })).toEqual({ done: 0, submitted: 1, notMade: 0 });
    expect(await db.lossOutbox.where('debtorId').equals(deadline!.debtorId).toArray()).toEqual([expect.objectContaining({ kind: 'overdue', state: 'SUBMITTED_LOCAL' })]);
    expect((await loadWorklist(db, request))!.entries.some((entry) => entry.id === deadline!.id)).toBe(false);
    db.close();
  });

  it('processes a batch of the chosen debtors with progress, and a stop between two entries leaves each one done with its letter or untouched', async () => {
    const db = await openDemoStore('worklist-3', today);
    const reminders = (await loadWorklist(db, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1').slice(0, 4);
    const progress: string[] = [];
    const outcome = await processWorklist(
      db,
      { ...request, entryIds: reminders.map((entry) => entry.id), debtorIds: reminders.map((entry) => entry.debtorId) },
      { onProgress: (done, total) => void progress.push(`${done}/${total}`), isStopped: () => progress.length === 2 },
    );
    expect(outcome).toEqual({ done: 2, submitted: 0, notMade: 0, stopped: true });
    expect(progress).toEqual(['1/4', '2/4']);
    const documents = await db.documents.toArray();
    expect(documents.map((document) => document.actionId).sort()).toEqual(reminders.slice(0, 2).map((entry) => entry.id).sort());
    expect(await db.audit.filter((entry) => entry.action === 'dunning.stepDone').count()).toBe(2);
    // The two not reached are still on the list, as they were; processed again, they are done.
    const after = (await loadWorklist(db, request))!.entries.map((entry) => entry.id);
    expect(reminders.map((entry) => after.includes(entry.id))).toEqual([false, false, true, true]);
    expect(await processWorklist(db, { ...request, entryIds: reminders.map((entry) => entry.id) })).toEqual({ done: 2, submitted: 0, notMade: 0 });
    db.close();
  });

  it('makes a batch\'s letters from the ledgers it planned with: no chunk is read again per letter, and the letters say the same', async () => {
    const [planned, reread] = await Promise.all([openDemoStore('worklist-4', today), openDemoStore('worklist-5', today)]);
    const reminders = (await loadWorklist(planned, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1').slice(0, 3);
    const chosen = { ...request, entryIds: reminders.map((entry) => entry.id) };
    const reads = [vi.spyOn(planned.debtorChunks, 'get'), vi.spyOn(planned.ledgerNumbers, 'get'), vi.spyOn(planned.ledgerTexts, 'get')];
    expect(await processWorklist(planned, { ...chosen, debtorIds: reminders.map((entry) => entry.debtorId) })).toEqual({ done: 3, submitted: 0, notMade: 0 });
    expect(reads.map((read) => read.mock.calls.length)).toEqual([0, 0, 0]);
    // Without the debtors named, each letter reads its debtor's chunk, as before: the same letters.
    expect(await processWorklist(reread, chosen)).toEqual({ done: 3, submitted: 0, notMade: 0 });
    const letters = async (db: typeof planned) => (await db.documents.orderBy('id').toArray()).map(({ pdfBase64, eml, ...letter }) => ({ ...letter, pdf: pdfBase64.length > 0, eml: eml?.split('\r\n').filter((line) => /^(To|Subject):/.test(line)) }));
    expect(await letters(planned)).toEqual(await letters(reread));
    planned.close();
    reread.close();
  });
});
