import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../time/iso-date';
import type { AuditEntry } from '../audit/audit-entry';
import type { DebtorLedger } from '../ledger/ledger-types';
import { testItem, testLedger } from '../ledger/test-ledger';
import { debtorTimeline } from './debtor-timeline';
import { paymentBehaviourByMonth } from './payment-behaviour';

const d = (value: string) => value as IsoDate;

function ledgerWithPayments(): DebtorLedger {
  const base = testLedger('D1', [
    testItem('D1', 'A', { invoiceDate: '2026-08-01', dueDate: '2026-08-31', amountMinor: 100_000, openMinor: 0 }),
    testItem('D1', 'B', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 300_000, openMinor: 0 }),
    testItem('D1', 'C', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 50_000, dispute: { reason: 'quality', since: d('2026-11-05') } }),
  ]);
  return {
    ...base,
    payments: [
      { id: 'P1', debtorId: 'D1', date: d('2026-08-31'), currency: 'EUR', amountMinor: 100_000, unappliedMinor: 0, reference: 'A', remittance: '', counterpartyName: '', counterpartyIban: '' },
      { id: 'P2', debtorId: 'D1', date: d('2026-10-21'), currency: 'EUR', amountMinor: 300_000, unappliedMinor: 0, reference: 'B', remittance: '', counterpartyName: '', counterpartyIban: '' },
    ],
    allocations: [
      { itemId: 'D1|A', source: { kind: 'payment', paymentId: 'P1' }, amountMinor: 100_000, date: d('2026-08-31') },
      { itemId: 'D1|B', source: { kind: 'payment', paymentId: 'P2' }, amountMinor: 100_000, date: d('2026-10-01') },
      { itemId: 'D1|B', source: { kind: 'payment', paymentId: 'P2' }, amountMinor: 200_000, date: d('2026-10-21') },
      { itemId: 'D1|C', source: { kind: 'external' }, amountMinor: 1_000, date: d('2026-11-20') },
    ],
  };
}

describe('payment behaviour by month', () => {
  const months = paymentBehaviourByMonth(ledgerWithPayments(), d('2026-11-24'), 12);

  it('covers the twelve calendar months up to the as-of date, empty months included', () => {
    expect(months).toHaveLength(12);
    expect(months[0]!.month).toBe('2025-12-01');
    expect(months[11]!.month).toBe('2026-11-01');
    expect(months[11]).toMatchObject({ paymentCount: 0, averageDaysLate: undefined });
  });

  it('weighs days late by the amount paid, and counts on-time money', () => {
    expect(months[8]).toMatchObject({ month: '2026-08-01', paymentCount: 1, averageDaysLate: 0, onTimeShare: 1 });
    // October: 1,000.00 on the due date and 2,000.00 twenty days late → 13⅓ days, a third on time.
    expect(months[10]!.paymentCount).toBe(2);
    expect(months[10]!.averageDaysLate).toBeCloseTo(40 / 3, 6);
    expect(months[10]!.onTimeShare).toBeCloseTo(1 / 3, 6);
  });
});

describe('the debtor timeline', () => {
  it('merges ledger, limits, dunning and audit, newest first, the controller’s own actions first within a day', () => {
    const events = debtorTimeline({
      ledger: ledgerWithPayments(),
      limits: [{ debtorId: 'D1', source: 'insurer', status: 'APPROVED', currency: 'EUR', decidedAmountMinor: 500_000, tranches: [], conditions: [], reasons: [], history: [{ on: d('2026-09-01'), status: 'APPROVED', amountMinor: 500_000, note: '' }] }],
      dunning: [{ id: 'x', debtorId: 'D1', step: 'reminder-1', itemIds: ['D1|C'], plannedOn: d('2026-11-07'), doneOn: d('2026-11-07'), status: 'done', note: '' }],
      audit: [{ at: '2026-11-20T09:00:00.000Z', actor: 'user', action: 'debtor.noteAdded', entityType: 'debtor', entityId: 'D1', details: { text: 'Called: pays Friday' } }],
    });
    expect(events.map((event) => `${event.on} ${event.kind}`)).toEqual([
      '2026-11-20 audit', '2026-11-07 dunning', '2026-11-05 dispute', '2026-10-21 payment', '2026-10-01 invoice',
      '2026-09-01 limit', '2026-09-01 invoice', '2026-08-31 payment', '2026-08-01 invoice',
    ]);
  });

  it('tells a dispute marked in Kredo once, by its audit line, and one from the ledger alone by the invoice', () => {
    const marked: AuditEntry = { at: '2026-11-05T09:00:00.000Z', actor: 'user', action: 'item.disputed', entityType: 'debtor', entityId: 'D1', details: { itemId: 'D1|C', number: 'C', reason: 'quality' } };
    const events = debtorTimeline({ ledger: ledgerWithPayments(), limits: [], dunning: [], audit: [marked] });
    expect(events.filter((event) => event.on === '2026-11-05').map((event) => event.kind)).toEqual(['audit']);
    expect(debtorTimeline({ ledger: ledgerWithPayments(), limits: [], dunning: [], audit: [] }).filter((event) => event.kind === 'dispute')).toHaveLength(1);
  });
});
