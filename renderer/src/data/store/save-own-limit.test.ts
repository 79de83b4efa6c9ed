import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { limitAlerts } from '../../../../shared/domain/limits/limit-alerts';
import type { OwnLimitDraft } from '../../../../shared/domain/limits/own-limit';
import { addDays, addMonths, type IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from '../db/kredo-db';
import { saveOwnLimit } from './save-own-limit';

const today = '2026-11-24' as IsoDate;
const at = `${today}T09:00:00Z`;

const summaries = async (db: KredoDb) => (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
const summaryOf = async (db: KredoDb, id: string) => (await summaries(db)).find((summary) => summary.debtorId === id)!;
const limitsOf = async (db: KredoDb, id: string) => (await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.debtorId === id);

/** A demo debtor that owes money with no limit at all: the Limits screen flags it as uninsured. */
async function uninsuredDebtor(db: KredoDb) {
  const [policy] = await db.policies.toArray();
  const all = await summaries(db);
  const alert = limitAlerts(all, policy!).find((candidate) => candidate.kind === 'uninsured' && candidate.exposureMinor < 2_000_000);
  return all.find((summary) => summary.debtorId === alert!.debtorId)!;
}

const draft = (values: Partial<OwnLimitDraft>): OwnLimitDraft => ({
  kind: 'discretionary', amountMinor: 2_000_000, currency: 'EUR', effectiveFrom: today, note: 'Paid 14 invoices on time since 2024', condition: 'paymentExperience', conditionDate: addMonths(today, -18), ...values,
});

describe('own limits', () => {
  it('a discretionary limit within the policy’s bound insures the debtor and takes away its uninsured alert', async () => {
    const db = await openDemoStore('own-limit', today);
    const debtor = await uninsuredDebtor(db);
    const result = await saveOwnLimit(db, { debtorId: debtor.debtorId, draft: draft({}), today, at, homeCurrency: 'EUR' });
    expect(result.errors).toEqual([]);
    const after = await summaryOf(db, debtor.debtorId);
    expect(after).toMatchObject({ limitSource: 'discretionary', limitState: 'DISCRETIONARY', limitMinor: 2_000_000, insuredExposureMinor: Math.min(2_000_000, debtor.exposureMinor - debtor.disputedMinor) });
    const [policy] = await db.policies.toArray();
    expect(limitAlerts([after], policy!)).toEqual([]);
    const [limit] = await limitsOf(db, debtor.debtorId);
    expect(limit).toMatchObject({ source: 'discretionary', own: { note: 'Paid 14 invoices on time since 2024', setOn: today, condition: 'paymentExperience', conditionDate: addMonths(today, -18) } });
    expect(await db.audit.filter((entry) => entry.action === 'limit.ownSet').count()).toBe(1);
    db.close();
  });

  it('refuses a limit above the discretionary limit, a negative amount, an unknown currency and unmet conditions, and changes nothing', async () => {
    const db = await openDemoStore('own-limit-refused', today);
    const debtor = await uninsuredDebtor(db);
    const before = { summary: await summaryOf(db, debtor.debtorId), limits: await limitsOf(db, debtor.debtorId) };
    const save = async (values: Partial<OwnLimitDraft>) => (await saveOwnLimit(db, { debtorId: debtor.debtorId, draft: draft(values), today, at, homeCurrency: 'EUR' })).errors.map((error) => [error.field, error.code]);
    // The demo policy's discretionary limit is €25,000: one cent more is refused.
    expect(await save({ amountMinor: 2_500_001 })).toEqual([['amount', 'aboveDiscretionary']]);
    expect(await save({ amountMinor: 2_500_000 })).toEqual([]);
    await saveOwnLimit(db, { debtorId: debtor.debtorId, draft: draft({ amountMinor: 2_000_000 }), today, at, homeCurrency: 'EUR' });
    const settled = { summary: await summaryOf(db, debtor.debtorId), limits: await limitsOf(db, debtor.debtorId) };
    expect(await save({ amountMinor: -100 })).toEqual([['amount', 'amountNegative']]);
    expect(await save({ currency: 'XYZ' })).toEqual([['currency', 'currencyUnknown']]);
    expect(await save({ currency: 'SEK' })).toEqual([['currency', 'currencyNotPolicy']]);
    // Twelve months of own payment experience are needed; eleven are not enough. A credit report older than a year neither.
    expect(await save({ conditionDate: addMonths(today, -11) })).toEqual([['conditionDate', 'experienceTooShort']]);
    expect(await save({ condition: 'creditReport', conditionDate: addDays(today, -366) })).toEqual([['conditionDate', 'reportTooOld']]);
    expect(await save({ condition: '' })).toEqual([['condition', 'conditionRequired']]);
    expect(await save({ note: '  ' })).toEqual([['note', 'noteRequired']]);
    expect({ summary: await summaryOf(db, debtor.debtorId), limits: await limitsOf(db, debtor.debtorId) }).toEqual(settled);
    expect(settled.summary.limitMinor).toBe(2_000_000);
    expect(before.summary.limitMinor).toBe(0);
    db.close();
  });

  it('an internal limit with a note sets the over-limit line without insuring anything', async () => {
    const db = await openDemoStore('own-limit-internal', today);
    const debtor = await uninsuredDebtor(db);
    const internal = debtor.exposureMinor - 1;
    const result = await saveOwnLimit(db, { debtorId: debtor.debtorId, draft: { kind: 'internal', amountMinor: internal, currency: 'EUR', effectiveFrom: today, note: 'Sales director accepts the risk' }, today, at, homeCurrency: 'EUR' });
    expect(result.errors).toEqual([]);
    const after = await summaryOf(db, debtor.debtorId);
    expect(after).toMatchObject({ limitMinor: 0, internalLimitMinor: internal, overLimitMinor: 1, insuredExposureMinor: 0 });
    const [policy] = await db.policies.toArray();
    expect(limitAlerts([after], policy!).map((alert) => [alert.kind, alert.shortfallMinor])).toEqual([['overLimit', 1]]);
    db.close();
  });

  it('a discretionary limit from a later date is pending until then, shown with its amount, and raises no alert', async () => {
    const db = await openDemoStore('own-limit-later', today);
    const debtor = await uninsuredDebtor(db);
    await saveOwnLimit(db, { debtorId: debtor.debtorId, draft: draft({ effectiveFrom: addDays(today, 1) }), today, at, homeCurrency: 'EUR' });
    const after = await summaryOf(db, debtor.debtorId);
    expect(after).toMatchObject({ limitState: 'SCHEDULED', limitMinor: 0, upcomingLimit: { amountMinor: 2_000_000, from: addDays(today, 1), source: 'discretionary' } });
    const [policy] = await db.policies.toArray();
    expect(limitAlerts([after], policy!)).toEqual([]);
    db.close();
  });
});
