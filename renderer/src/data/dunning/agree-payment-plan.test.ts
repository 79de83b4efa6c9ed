import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { agreePaymentPlan } from './agree-payment-plan';
import { endPaymentPlan } from './end-payment-plan';
import { loadCreditPolicy, loadWorklist } from './load-worklist';

const today = '2026-11-24' as IsoDate;
const requestOn = (day: IsoDate) => ({ today: day, locale: 'en-GB', leadDays: 7 });

describe('agreeing a payment plan', () => {
  it('stores the instalments to the cent, pauses dunning of its invoices, a missed instalment puts it back on the list, and ending it allows a new plan', async () => {
    const db = await openDemoStore('agree-plan', today);
    const reminder = (await loadWorklist(db, requestOn(today)))!.entries.find((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1' && entry.invoices.every((invoice) => invoice.currency === entry.invoices[0]!.currency))!;
    const chunkId = (await db.debtorChunks.toArray()).find((chunk) => chunk.debtors.some((debtor) => debtor.id === reminder.debtorId))!.chunkId;
    const itemIds = reminder.invoices.map((invoice) => invoice.itemId);
    const terms = { itemIds, includeInterest: false, interestDuringPlan: false, firstDueOn: addDays(today, 14), count: 3, everyMonths: 1 };

    const { errors, plan } = await agreePaymentPlan(db, { debtorId: reminder.debtorId, chunkId, terms, today, at: `${today}T10:00:00Z` });
    expect(errors).toEqual([]);
    const openTotal = reminder.invoices.reduce((sum, invoice) => sum + invoice.openMinor, 0);
    expect(plan!.totalMinor).toBe(openTotal);
    expect(plan!.instalments.reduce((sum, instalment) => sum + instalment.amountMinor, 0)).toBe(openTotal);
    expect(await db.paymentPlans.count()).toBe(1);
    expect(await db.audit.filter((entry) => entry.action === 'dunning.planAgreed').count()).toBe(1);
    const dunned = async (day: IsoDate) => (await loadWorklist(db, requestOn(day)))!.entries.filter((entry) => entry.debtorId === reminder.debtorId).flatMap((entry) => entry.invoices.map((invoice) => invoice.itemId));
    expect(await dunned(today)).not.toContain(itemIds[0]);

    // The same invoice cannot go into a second running plan.
    await expect(agreePaymentPlan(db, { debtorId: reminder.debtorId, chunkId, terms, today, at: `${today}T10:05:00Z` })).rejects.toMatchObject({ code: 'dunning.alreadyInPlan' });

    // Nothing paid: the day after the allowed lateness of the first instalment, the plan is broken and on the list.
    const { planBreaksAfterDaysLate } = await loadCreditPolicy(db);
    const broken = addDays(terms.firstDueOn, planBreaksAfterDaysLate + 1);
    const entries = (await loadWorklist(db, requestOn(broken)))!.entries.filter((entry) => entry.debtorId === reminder.debtorId);
    expect(entries.find((entry) => entry.task.kind === 'broken-plan')?.invoices.map((invoice) => invoice.itemId)).toEqual(expect.arrayContaining(itemIds));

    // Followed up: the controller ends the broken plan and agrees a new one for the same invoices.
    await endPaymentPlan(db, { planId: plan!.id, today: broken, at: `${broken}T09:00:00Z` });
    const after = (await loadWorklist(db, requestOn(broken)))!.entries.filter((entry) => entry.debtorId === reminder.debtorId);
    expect(after.some((entry) => entry.task.kind === 'broken-plan')).toBe(false);
    const renegotiated = await agreePaymentPlan(db, { debtorId: reminder.debtorId, chunkId, terms: { ...terms, firstDueOn: addDays(broken, 7) }, today: broken, at: `${broken}T09:05:00Z` });
    expect(renegotiated.errors).toEqual([]);
    expect(await db.audit.filter((entry) => entry.action === 'dunning.planEnded').count()).toBe(1);
    db.close();
  });

  it('refuses terms that do not check out, naming the field, and stores nothing', async () => {
    const db = await openDemoStore('agree-plan-refused', today);
    const debtor = (await db.debtorChunks.toArray())[0]!.debtors[0]!;
    const result = await agreePaymentPlan(db, { debtorId: debtor.id, chunkId: debtor.chunkId, terms: { itemIds: ['x'], includeInterest: true, interestDuringPlan: false, firstDueOn: addDays(today, -1), count: 3, everyMonths: 1 }, today, at: `${today}T10:00:00Z` });
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([['firstDueOn', 'beforeAgreed']]);
    await expect(agreePaymentPlan(db, { debtorId: debtor.id, chunkId: debtor.chunkId, terms: { itemIds: ['no-such-invoice'], includeInterest: true, interestDuringPlan: true, firstDueOn: today, count: 3, everyMonths: 1 }, today, at: `${today}T10:00:00Z` })).rejects.toMatchObject({ code: 'dunning.planNothingOpen' });
    expect(await db.paymentPlans.count()).toBe(0);
    db.close();
  });
});
