import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { loadWorklist } from './load-worklist';
import { setDispute } from './set-dispute';

const today = '2026-11-24' as IsoDate;
const request = { today, locale: 'en-GB', leadDays: 7 };

describe('disputing an invoice', () => {
  it('takes it out of dunning and into the uninsured figures, and settling the dispute brings it back', async () => {
    const db = await openDemoStore('set-dispute', today);
    const reminder = (await loadWorklist(db, request))!.entries.find((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1')!;
    const invoice = reminder.invoices[0]!;
    const summaryOf = async () => (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((summary) => summary.debtorId === reminder.debtorId)!;
    const before = await summaryOf();

    await setDispute(db, { debtorId: reminder.debtorId, itemId: invoice.itemId, reason: 'quality', today, at: `${today}T09:00:00Z`, homeCurrency: 'EUR' });
    const disputed = await summaryOf();
    expect(disputed.disputedMinor).toBeGreaterThan(before.disputedMinor);
    expect(disputed.uninsuredMinor).toBeGreaterThanOrEqual(before.uninsuredMinor);
    const paused = (await loadWorklist(db, request))!.entries.filter((entry) => entry.debtorId === reminder.debtorId && entry.task.kind === 'dunning');
    expect(paused.flatMap((entry) => entry.invoices.map((item) => item.itemId))).not.toContain(invoice.itemId);
    expect(await db.audit.filter((entry) => entry.action === 'item.disputed').count()).toBe(1);

    await setDispute(db, { debtorId: reminder.debtorId, itemId: invoice.itemId, reason: null, today, at: `${today}T10:00:00Z`, homeCurrency: 'EUR' });
    expect((await summaryOf()).disputedMinor).toBe(before.disputedMinor);
    const resumed = (await loadWorklist(db, request))!.entries.filter((entry) => entry.debtorId === reminder.debtorId && entry.task.kind === 'dunning');
    expect(resumed.flatMap((entry) => entry.invoices.map((item) => item.itemId))).toContain(invoice.itemId);
    db.close();
  });
});
