import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { debtorTimeline, type TimelineEvent } from '../../../../shared/domain/debtor-page/debtor-timeline';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { readDebtorDetail } from '../queries/read-debtor-detail';
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

  it("puts the dispute on the debtor's timeline once, beside the invoice and the settling", async () => {
    const db = await openDemoStore('set-dispute-timeline', today);
    const reminder = (await loadWorklist(db, request))!.entries.find((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1')!;
    const invoice = reminder.invoices[0]!;
    const timeline = async () => {
      const detail = (await readDebtorDetail(db, reminder.debtorId, undefined))!;
      return debtorTimeline({ ledger: detail.ledger, limits: detail.limits, dunning: detail.dunning, audit: detail.audit });
    };
    const aboutInvoice = (events: readonly TimelineEvent[], kind: 'disputed' | 'settled' | 'invoice') =>
      events.filter((event) => {
        if (kind === 'invoice') return event.kind === 'invoice' && event.number === invoice.number;
        if (kind === 'disputed' && event.kind === 'dispute') return event.number === invoice.number;
        return event.kind === 'audit' && event.entry.action === (kind === 'disputed' ? 'item.disputed' : 'item.disputeSettled') && event.entry.details['number'] === invoice.number;
      });
    const before = await timeline();
    expect(aboutInvoice(before, 'disputed')).toHaveLength(0);

    await setDispute(db, { debtorId: reminder.debtorId, itemId: invoice.itemId, reason: 'quality', today, at: `${today}T09:00:00Z`, homeCurrency: 'EUR' });
    const disputed = await timeline();
    expect(aboutInvoice(disputed, 'disputed')).toHaveLength(1);
    expect(aboutInvoice(disputed, 'invoice')).toHaveLength(1);
    // Nothing else went: every earlier event is still there, and the dispute is the one new line.
    expect(disputed).toHaveLength(before.length + 1);

    await setDispute(db, { debtorId: reminder.debtorId, itemId: invoice.itemId, reason: null, today, at: `${today}T10:00:00Z`, homeCurrency: 'EUR' });
    const settled = await timeline();
    expect(aboutInvoice(settled, 'disputed')).toHaveLength(1);
    expect(aboutInvoice(settled, 'settled')).toHaveLength(1);
    expect(settled).toHaveLength(before.length + 2);
    db.close();
  });
});
