import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { loadWorklist } from './load-worklist';
import { processWorklist } from './process-worklist';

const today = '2026-11-24' as IsoDate;
const request = { today, at: `${today}T09:00:00.000Z`, locale: 'en-GB', leadDays: 7 };

describe('processing the worklist with e-mail set up', () => {
  it('puts each letter to a debtor with an e-mail address into the outbox once, in the debtor’s language, and keeps its Message-ID with the letter', async () => {
    const db = await openDemoStore('worklist-mail', today);
    const reminders = (await loadWorklist(db, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1' && entry.letterReach?.email).slice(0, 3);
    expect(reminders).toHaveLength(3);
    const queued: MailMessageRequest[] = [];
    const outbox = { queueMail: async (message: MailMessageRequest) => (queued.push(message), { messageId: `<${queued.length}@acme.example>`, queued: true }) };
    const ids = reminders.map((entry) => entry.id);
    expect(await processWorklist(db, { ...request, entryIds: ids }, outbox)).toEqual({ done: 3, submitted: 0, notMade: 0 });
    expect(await processWorklist(db, { ...request, entryIds: ids }, outbox)).toEqual({ done: 0, submitted: 0, notMade: 0 });
    expect(queued.map((message) => message.debtorId).sort()).toEqual(reminders.map((entry) => entry.debtorId).sort());
    for (const message of queued) {
      const letter = await db.documents.get(message.key);
      expect(letter?.mail).toEqual({ messageId: expect.stringMatching(/^<\d@acme\.example>$/), state: 'queued' });
      expect(message.language).toBe(letter?.language);
      expect(message.attachment.pdfBase64).toBe(letter?.pdfBase64);
      // Subject and text are the letter's own, as the e-mail draft has them.
      expect(letter?.eml).toContain(message.to.address);
      expect(message.text.length).toBeGreaterThan(100);
      expect(message.subject.length).toBeGreaterThan(5);
    }
    db.close();
  });

  it('withdraws the message when the letter cannot be stored, so no e-mail goes for a step not recorded', async () => {
    const db = await openDemoStore('worklist-mail-withdraw', today);
    const [reminder] = (await loadWorklist(db, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1' && entry.letterReach?.email);
    const withdrawn: string[] = [];
    const outbox = {
      queueMail: async () => {
        // The store goes away between queueing and storing (the app closing, a full disk).
        db.close();
        return { messageId: '<1@acme.example>', queued: true };
      },
      withdrawMail: async (key: string) => void withdrawn.push(key),
    };
    await expect(processWorklist(db, { ...request, entryIds: [reminder!.id] }, outbox)).rejects.toThrow();
    expect(withdrawn).toEqual([`${(reminder!.task as { action: { id: string } }).action.id}:letter`]);
  });
});
