import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { toIsoDate } from '../../time/iso-date';
import type { LedgerItem } from '../ledger/ledger-types';
import { testItem, testLedger } from '../ledger/test-ledger';
import { DEFAULT_CREDIT_POLICY } from './credit-policy';
import type { DunningAction } from './dunning-action';
import type { PromiseToPay } from './promises';
import { demoPolicy, handledAction, testDebtor } from './test-dunning';
import { buildWorklist, riskWeighted, type WorklistDebtor, type WorklistInput } from './worklist';

const today = toIsoDate('2026-04-10');
const rates = new ExchangeRateTable([{ date: toIsoDate('2026-04-01'), base: 'EUR', quote: 'SEK', rate: '11' }]);

function debtor(id: string, name: string, riskScore: number, items: readonly LedgerItem[], fields: Partial<WorklistDebtor> = {}): WorklistDebtor {
  return { debtor: testDebtor(id, { name }), ledger: testLedger(id, items), riskScore, actions: [], promises: [], paymentPlans: [], ...fields };
}

// Each first reminder is due (5 days after the due date); nothing else is near an insurer deadline.
const alfa = debtor('alfa', 'Alfa BV', 80, [testItem('alfa', 'A-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 1_000_000 })]);
const beta = debtor('beta', 'Beta AB', 20, [testItem('beta', 'B-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 13_200_000, currency: 'SEK' })]);
const gamma = debtor('gamma', 'Gamma Ltd', 0, [testItem('gamma', 'G-1', { invoiceDate: '2026-03-04', dueDate: '2026-04-03', amountMinor: 100_000 })]);
const delta = debtor('delta', 'Delta Ltd', 0, [testItem('delta', 'D-1', { invoiceDate: '2026-03-04', dueDate: '2026-04-03', amountMinor: 100_000 })]);
const epsilon = debtor('epsilon', 'Epsilon Ltd', 0, [testItem('epsilon', 'E-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 100_000 })]);

// Zeta's invoice is 68 days overdue; reminders and the formal notice went out, the MEP ended on 2 April.
const zetaItem = testItem('zeta', 'Z-1', { invoiceDate: '2026-01-02', dueDate: '2026-02-01', amountMinor: 400_000 });
const zetaActions: DunningAction[] = [
  handledAction('zeta', 'reminder-1', [zetaItem.id], '2026-02-06'),
  handledAction('zeta', 'phone-call', [zetaItem.id], '2026-02-14'),
  handledAction('zeta', 'reminder-2', [zetaItem.id], '2026-02-21'),
  handledAction('zeta', 'formal-notice', [zetaItem.id], '2026-03-30'),
];
const zeta = debtor('zeta', 'Zeta AB', 50, [zetaItem], { actions: zetaActions });

// Eta promised on the call of 2 April to pay €2,000 by Monday 6 April; nothing came (broken on 9 April).
const etaItem = testItem('eta', 'H-1', { invoiceDate: '2026-02-18', dueDate: '2026-03-20', amountMinor: 200_000 });
const promise: PromiseToPay = { id: 'ptp-eta', debtorId: 'eta', itemIds: [etaItem.id], amountMinor: 200_000, currency: 'EUR', promisedOn: toIsoDate('2026-04-02'), dueOn: toIsoDate('2026-04-06') };
const eta = debtor('eta', 'Eta BV', 10, [etaItem], { promises: [promise], actions: [handledAction('eta', 'reminder-1', [etaItem.id], '2026-03-25'), handledAction('eta', 'phone-call', [etaItem.id], '2026-04-02')] });

function worklist(debtors: readonly WorklistDebtor[], fields: Partial<WorklistInput> = {}) {
  return buildWorklist({ today, creditPolicy: DEFAULT_CREDIT_POLICY, insurancePolicy: demoPolicy, leadDays: 7, rates, debtors, ...fields });
}

describe('risk-weighted value', () => {
  it('raises the amount by the risk score in per cent, exactly: €10,000 at 80 weighs €18,000', () => {
    expect(riskWeighted(1_000_000, 80)).toBe(1_800_000);
    expect(riskWeighted(1_200_000, 20)).toBe(1_440_000);
    expect(riskWeighted(333, 50)).toBe(500); // 499.5 cents rounds half away from zero
    expect(riskWeighted(1_000, 250)).toBe(2_000); // scores are capped at 100
  });
});

describe('the worklist', () => {
  it('orders the day\'s work by risk-weighted value in the policy currency, then days overdue, then name', () => {
    const entries = worklist([gamma, delta, epsilon, beta, alfa, zeta, eta]).entries;
    expect(entries.map((entry) => [entry.debtorName, entry.task.kind === 'dunning' ? entry.task.step : entry.task.kind, entry.weightedMinor, entry.daysOverdue])).toEqual([
      // €10,000 at risk 80 outranks 132,000 kr (€12,000) at risk 20.
      ['Alfa BV', 'reminder-1', 1_800_000, 9],
      ['Beta AB', 'reminder-1', 1_440_000, 9],
      // Zeta: the insurer should have been notified by 2 April, and supplies must stop now that the MEP has ended.
      // Same debtor, same weight: the insurer deadline before the task.
      ['Zeta AB', 'deadline', 600_000, 68],
      ['Zeta AB', 'stop-supply', 600_000, 68],
      // Eta: the promise broke (call first), and the second reminder is due a week after the call.
      ['Eta BV', 'broken-promise', 220_000, 21],
      ['Eta BV', 'reminder-2', 220_000, 21],
      // €1,000 each at risk 0: the longer overdue first, then by name.
      ['Epsilon Ltd', 'reminder-1', 100_000, 9],
      ['Delta Ltd', 'reminder-1', 100_000, 7],
      ['Gamma Ltd', 'reminder-1', 100_000, 7],
    ]);
  });

  it('says what each entry is, for which invoices and amounts', () => {
    const entries = worklist([beta, zeta, eta]).entries;
    expect(entries.find((entry) => entry.debtorId === 'beta')).toMatchObject({
      task: { kind: 'dunning', step: 'reminder-1', channel: 'letter', payBy: '2026-04-17' },
      invoices: [{ number: 'B-1', openMinor: 13_200_000, currency: 'SEK', daysOverdue: 9 }],
      amountMinor: 1_200_000,
    });
    expect(entries.find((entry) => entry.task.kind === 'deadline')).toMatchObject({ id: expect.stringMatching(/^deadline:zeta:overdue-notification:/), task: { deadline: 'overdue-notification', on: '2026-04-02', daysLeft: -8 } });
    expect(entries.find((entry) => entry.task.kind === 'broken-promise')).toMatchObject({ id: 'promise-broken:ptp-eta', task: { brokenOn: '2026-04-09', shortfallMinor: 200_000 } });
  });

  it('has stable ids, and leaves out what was processed, so processing twice does nothing', () => {
    const first = worklist([alfa, zeta, eta]);
    expect(worklist([alfa, zeta, eta])).toEqual(first);
    // The controller sends Alfa's reminder and stops Zeta's supplies (the batch stores them as done) and follows up Eta's promise.
    const done = first.entries.flatMap((entry) => (entry.task.kind === 'dunning' && entry.task.step !== 'reminder-2' ? [{ ...entry.task.action, status: 'done' as const, doneOn: today }] : []));
    const after = worklist(
      [{ ...alfa, actions: done.filter((action) => action.debtorId === 'alfa') }, { ...zeta, actions: [...zetaActions, ...done.filter((action) => action.debtorId === 'zeta')] }, eta],
      { doneEntryIds: new Set(['promise-broken:ptp-eta']) },
    );
    expect(after.entries.map((entry) => [entry.debtorId, entry.task.kind === 'dunning' ? entry.task.step : entry.task.kind])).toEqual([
      ['zeta', 'deadline'],
      ['eta', 'reminder-2'],
    ]);
  });

  it('sorts names the way the UI language does when asked', () => {
    const aring = debtor('aring', 'Åkesson AB', 0, [testItem('aring', 'Å-1', { invoiceDate: '2026-03-04', dueDate: '2026-04-03', amountMinor: 100_000 })]);
    const swedish = new Intl.Collator('sv').compare;
    expect(worklist([aring, gamma], { compareNames: swedish }).entries.map((entry) => entry.debtorName)).toEqual(['Gamma Ltd', 'Åkesson AB']);
  });
});
