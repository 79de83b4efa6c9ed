import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_POLICY } from '../../../../shared/domain/dunning/credit-policy';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { loadCreditPolicy, loadWorklist } from './load-worklist';
import { saveCreditPolicy } from './save-credit-policy';

const today = '2026-11-24' as IsoDate;
const request = { today, locale: 'en-GB', leadDays: 7 };
const withFirstWait = (waitDays: number, callWait = DEFAULT_CREDIT_POLICY.ladders['standard']!.steps[1]!.waitDays) => {
  const standard = DEFAULT_CREDIT_POLICY.ladders['standard']!;
  const steps = standard.steps.map((step, index) => (index === 0 ? { ...step, waitDays } : index === 1 ? { ...step, waitDays: callWait } : step));
  return { ...DEFAULT_CREDIT_POLICY, ladders: { ...DEFAULT_CREDIT_POLICY.ladders, standard: { steps } } };
};

describe('saving the credit policy', () => {
  it('stores nothing while a field is wrong, naming each field, and the worklist follows a saved change', async () => {
    const db = await openDemoStore('save-credit-policy', today);
    const before = (await loadWorklist(db, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1').length;

    // A call one day after a reminder that gives seven days to pay: refused, with the field and the minimum.
    const refused = await saveCreditPolicy(db, { policy: withFirstWait(5, 1), at: `${today}T09:00:00Z` });
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'ladders.standard.steps.1.waitDays', code: 'beforePreviousTerm', params: expect.objectContaining({ min: 8 }) })]);
    expect(await loadCreditPolicy(db)).toEqual(DEFAULT_CREDIT_POLICY);

    // First reminders 30 days after the due date instead of 5: fewer are due today.
    expect(await saveCreditPolicy(db, { policy: withFirstWait(30), at: `${today}T09:00:00Z` })).toEqual({ errors: [] });
    expect((await loadCreditPolicy(db)).ladders['standard']!.steps[0]!.waitDays).toBe(30);
    const after = (await loadWorklist(db, request))!.entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1').length;
    expect(after).toBeLessThan(before);
    expect(await db.audit.filter((entry) => entry.action === 'policy.creditPolicyChanged').count()).toBe(1);
    db.close();
  });
});
