import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import type { DebtorLedger } from '../ledger/ledger-types';
import { testItem, testLedger } from '../ledger/test-ledger';
import { DEFAULT_CREDIT_POLICY } from './credit-policy';
import type { DunningAction } from './dunning-action';
import { planDunning, type DunningPlanInput } from './dunning-plan';
import type { PaymentPlan } from './payment-plans';
import type { PromiseToPay } from './promises';
import { demoPolicy, handledAction, testDebtor, withPayment } from './test-dunning';

const a = testItem('d1', 'F-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 100_000 });
const b = testItem('d1', 'F-2', { invoiceDate: '2026-03-04', dueDate: '2026-04-03', amountMinor: 50_000 });
const c = testItem('d1', 'F-3', { invoiceDate: '2026-03-06', dueDate: '2026-04-05', amountMinor: 25_000 });
const notYet = testItem('d1', 'F-4', { invoiceDate: '2026-03-21', dueDate: '2026-04-20', amountMinor: 80_000 });
const settled = testItem('d1', 'F-0', { invoiceDate: '2026-02-01', dueDate: '2026-03-03', amountMinor: 40_000, openMinor: 0 });
const credit = testItem('d1', 'C-1', { invoiceDate: '2026-02-10', dueDate: '2026-02-10', amountMinor: -30_000 });
const ledger = testLedger('d1', [c, notYet, a, settled, credit, b]);

function plan(today: string, fields: Partial<DunningPlanInput> = {}) {
  return planDunning({ today: toIsoDate(today), debtor: testDebtor('d1'), ledger, actions: [], promises: [], paymentPlans: [], creditPolicy: DEFAULT_CREDIT_POLICY, insurancePolicy: demoPolicy, ...fields });
}

const summary = (result: ReturnType<typeof plan>) => result.proposals.map((proposal) => [proposal.action.step, proposal.items.map((item) => item.number)]);

/** What batch processing stores when the controller sends the proposals. */
const markDone = (result: ReturnType<typeof plan>, on: string): DunningAction[] => result.proposals.map((proposal) => ({ ...proposal.action, status: 'done', doneOn: toIsoDate(on) }));

describe('the dunning plan for one debtor', () => {
  it('consolidates the first reminder for three overdue invoices into one letter, leaving out credit notes, paid and not-yet-due invoices', () => {
    const result = plan('2026-04-10');
    expect(result.proposals).toHaveLength(1);
    const [reminder] = result.proposals;
    expect(reminder).toMatchObject({ channel: 'letter', payBy: '2026-04-17' });
    expect(reminder!.action).toMatchObject({ debtorId: 'd1', step: 'reminder-1', itemIds: [a.id, b.id, c.id], plannedOn: '2026-04-06', status: 'planned' });
    expect(reminder!.items.map((item) => [item.number, item.openMinor])).toEqual([['F-1', 100_000], ['F-2', 50_000], ['F-3', 25_000]]);
  });

  it('proposes the same action with the same id however often it runs, and no second reminder once it is done', () => {
    const first = plan('2026-04-10');
    expect(plan('2026-04-10')).toEqual(first);
    expect(plan('2026-04-12').proposals[0]!.action.id).toBe(first.proposals[0]!.action.id);

    const actions = markDone(first, '2026-04-10');
    expect(plan('2026-04-10', { actions }).proposals).toEqual([]);
    expect(plan('2026-04-17', { actions }).proposals).toEqual([]);
    // The reminder's seven days have run: the call, for the same three invoices, and still no second first reminder.
    expect(summary(plan('2026-04-18', { actions }))).toEqual([['phone-call', ['F-1', 'F-2', 'F-3']]]);
  });

  it('keeps each invoice on its own rung: a newly overdue invoice gets its first reminder while the others are called', () => {
    const actions = markDone(plan('2026-04-10'), '2026-04-10');
    expect(summary(plan('2026-04-25', { actions }))).toEqual([
      ['reminder-1', ['F-4']],
      ['phone-call', ['F-1', 'F-2', 'F-3']],
    ]);
  });

  it('leaves a disputed invoice out and says why', () => {
    const disputed = { ...b, dispute: { reason: 'quantity' as const, since: toIsoDate('2026-04-04') } };
    const result = plan('2026-04-10', { ledger: testLedger('d1', [a, disputed, c]) });
    expect(summary(result)).toEqual([['reminder-1', ['F-1', 'F-3']]]);
    expect(result.paused).toEqual([{ itemId: b.id, reason: 'dispute' }]);
  });

  it('pauses invoices covered by a promise to pay until its day has passed without the money', () => {
    const promise: PromiseToPay = { id: 'ptp-1', debtorId: 'd1', itemIds: [a.id], amountMinor: 100_000, currency: 'EUR', promisedOn: toIsoDate('2026-04-08'), dueOn: toIsoDate('2026-04-15') };
    expect(summary(plan('2026-04-10', { promises: [promise] }))).toEqual([['reminder-1', ['F-2', 'F-3']]]);
    expect(plan('2026-04-10', { promises: [promise] }).paused).toEqual([{ itemId: a.id, reason: 'promise' }]);
    // Wednesday 15 April plus two banking days: broken on Saturday 18 April, dunning resumes.
    expect(summary(plan('2026-04-17', { promises: [promise] }))).toEqual([['reminder-1', ['F-2', 'F-3']]]);
    expect(summary(plan('2026-04-18', { promises: [promise] }))).toEqual([['reminder-1', ['F-1', 'F-2', 'F-3']]]);
  });

  it('pauses invoices in a payment plan while it is kept, and resumes when it breaks', () => {
    const payments: PaymentPlan = { id: 'plan-1', debtorId: 'd1', itemIds: [a.id, b.id], currency: 'EUR', totalMinor: 150_000, agreedOn: toIsoDate('2026-04-08'), instalments: [{ dueOn: toIsoDate('2026-04-15'), amountMinor: 75_000 }, { dueOn: toIsoDate('2026-05-15'), amountMinor: 75_000 }] };
    const kept: DebtorLedger = withPayment(ledger, { id: 'p1', date: '2026-04-15', amountMinor: 75_000, allocations: [{ itemId: a.id, amountMinor: 75_000 }] });
    expect(summary(plan('2026-04-30', { ledger: kept, paymentPlans: [payments] }))).toEqual([['reminder-1', ['F-3', 'F-4']]]);
    // Nothing paid: the first instalment is more than 7 days late on 23 April.
    expect(summary(plan('2026-04-22', { paymentPlans: [payments] }))).toEqual([['reminder-1', ['F-3']]]);
    expect(summary(plan('2026-04-23', { paymentPlans: [payments] }))).toEqual([['reminder-1', ['F-1', 'F-2', 'F-3']]]);
  });

  it('stops supplies on the last day of the insurer\'s maximum extension period when the ladder runs late', () => {
    const slow = [handledAction('d1', 'reminder-1', [a.id], '2026-04-06'), handledAction('d1', 'phone-call', [a.id], '2026-04-14'), handledAction('d1', 'reminder-2', [a.id], '2026-04-21'), handledAction('d1', 'formal-notice', [a.id], '2026-05-25')];
    const result = plan('2026-05-31', { ledger: testLedger('d1', [a]), actions: slow });
    expect(summary(result)).toEqual([['stop-supply', ['F-1']]]);
    expect(result.proposals[0]).toMatchObject({ channel: 'task', payBy: undefined, action: { plannedOn: '2026-05-31' } });
  });

  it('keeps the id of a planned action already stored, and names planned actions no longer needed', () => {
    const stored: DunningAction = { id: 'stored-reminder', debtorId: 'd1', step: 'reminder-1', itemIds: [a.id], plannedOn: toIsoDate('2026-04-06'), status: 'planned', note: '' };
    const staleCall: DunningAction = { ...stored, id: 'stored-call', step: 'phone-call' };
    const result = plan('2026-04-10', { actions: [stored, staleCall] });
    expect(result.proposals.map((proposal) => [proposal.action.id, proposal.action.itemIds.length])).toEqual([['stored-reminder', 3]]);
    expect(result.stalePlannedIds).toEqual(['stored-call']);
  });

  it('goes on from a skipped step as from a done one, and ignores other debtors\' actions', () => {
    const actions = [handledAction('d1', 'reminder-1', [a.id, b.id, c.id], '2026-04-10', 'skipped'), handledAction('d2', 'phone-call', [a.id], '2026-04-10')];
    expect(summary(plan('2026-04-18', { actions }))).toEqual([['phone-call', ['F-1', 'F-2', 'F-3']]]);
  });
});
