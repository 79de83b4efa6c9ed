import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { loadWorklist } from './load-worklist';
import { processWorklist } from './process-worklist';
import { recordCall } from './record-call';

const day0 = '2026-11-24' as IsoDate;
const requestOn = (today: IsoDate) => ({ today, at: `${today}T09:00:00.000Z`, locale: 'en-GB', leadDays: 7 });

/** The first day after day 0 on which the debtor's call is on the list. */
async function firstCall(db: Awaited<ReturnType<typeof openDemoStore>>, debtorId: string) {
  for (let offset = 1; offset <= 30; offset += 1) {
    const day = addDays(day0, offset);
    const call = (await loadWorklist(db, requestOn(day)))!.entries.find((entry) => entry.debtorId === debtorId && entry.task.kind === 'dunning' && entry.task.step === 'phone-call');
    if (call) return { day, call };
  }
  throw new Error('No call within 30 days');
}

describe('calls and promises on the worklist', () => {
  it('follows a reminder with a call; a promise pauses the debtor’s dunning, and once broken it is on the list to chase', async () => {
    const db = await openDemoStore('record-call-1', day0);
    const reminder = (await loadWorklist(db, requestOn(day0)))!.entries.find((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1')!;
    await processWorklist(db, { ...requestOn(day0), entryIds: [reminder.id] });

    // The call falls due once the reminder's term has run and the ladder's wait after it (7 + 8 days by default).
    const { day: day8, call } = await firstCall(db, reminder.debtorId);
    expect(day8).toBe(addDays(day0, 15));

    // No answer: the call stays on the list.
    await recordCall(db, { ...requestOn(day8), entryId: call.id, outcome: 'noAnswer', note: 'Voicemail' });
    expect((await loadWorklist(db, requestOn(day8)))!.entries.some((entry) => entry.id === call.id)).toBe(true);

    // A promise for Friday: the call is done, and nothing more goes to this debtor for those invoices meanwhile.
    const { promiseId } = await recordCall(db, { ...requestOn(day8), entryId: call.id, outcome: 'promise', note: 'Will pay Friday', promise: { amountMinor: call.amountMinor, dueOn: addDays(day8, 3) } });
    expect(await db.promises.get(promiseId!)).toMatchObject({ debtorId: reminder.debtorId, amountMinor: call.amountMinor });
    const promised = new Set(call.invoices.map((invoice) => invoice.itemId));
    const during = (await loadWorklist(db, requestOn(addDays(day8, 2))))!.entries.filter((entry) => entry.debtorId === reminder.debtorId && entry.task.kind === 'dunning' && entry.task.channel !== 'task');
    expect(during.filter((entry) => entry.invoices.some((invoice) => promised.has(invoice.itemId)))).toEqual([]);

    // Nothing paid by the date and the grace: the broken promise is on the list, and chasing it takes it off.
    const later = addDays(day8, 10);
    const broken = (await loadWorklist(db, requestOn(later)))!.entries.find((entry) => entry.task.kind === 'broken-promise' && entry.debtorId === reminder.debtorId)!;
    expect(broken).toBeDefined();
    await processWorklist(db, { ...requestOn(later), entryIds: [broken.id] });
    expect((await loadWorklist(db, requestOn(later)))!.entries.some((entry) => entry.id === broken.id)).toBe(false);
    db.close();
  });

  it('refuses a promise without an amount, naming the problem', async () => {
    const db = await openDemoStore('record-call-2', day0);
    const reminder = (await loadWorklist(db, requestOn(day0)))!.entries.find((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1')!;
    await processWorklist(db, { ...requestOn(day0), entryIds: [reminder.id] });
    const { day: day8, call } = await firstCall(db, reminder.debtorId);
    await expect(recordCall(db, { ...requestOn(day8), entryId: call.id, outcome: 'promise', note: '', promise: { amountMinor: 0, dueOn: day8 } })).rejects.toMatchObject({ code: 'dunning.promiseInvalid' });
    expect(await db.promises.count()).toBe(0);
    db.close();
  });
});
