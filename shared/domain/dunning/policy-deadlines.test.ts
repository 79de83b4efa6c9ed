import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { testItem } from '../ledger/test-ledger';
import { deadlineAlerts, deadlineKey, invoiceDeadlines } from './policy-deadlines';
import { demoPolicy } from './test-dunning';

describe('the insurer deadlines of one invoice under the demo policy', () => {
  it('counts notification and the extension period from the due date, transfer from the MEP end, the claim from the invoice date', () => {
    // Invoiced 2 March 2026 on 30 days: due 1 April.
    const invoice = testItem('d1', 'F-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 100_000 });
    expect(demoPolicy).toMatchObject({ overdueNotificationDays: 60, maxExtensionPeriodDays: 60, collectionTransferDays: 30, claimFilingDays: 180 });
    expect(invoiceDeadlines(invoice, demoPolicy)).toEqual({
      'overdue-notification': '2026-05-31',
      'stop-supply': '2026-05-31',
      'collection-transfer': '2026-06-30',
      'claim-filing': '2026-08-29',
    });
  });
});

describe('deadline alerts', () => {
  const recent = testItem('d1', 'F-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 100_000 });
  const old = testItem('d1', 'F-0', { invoiceDate: '2026-01-05', dueDate: '2026-02-04', amountMinor: 50_000 });

  it('lists deadlines within the lead time and those already passed, soonest first, with the days left', () => {
    const alerts = deadlineAlerts([recent, old], demoPolicy, toIsoDate('2026-05-25'), 7);
    expect(alerts.map((alert) => [alert.number, alert.kind, alert.on, alert.daysLeft])).toEqual([
      ['F-0', 'overdue-notification', '2026-04-05', -50],
      ['F-0', 'stop-supply', '2026-04-05', -50],
      ['F-0', 'collection-transfer', '2026-05-05', -20],
      ['F-1', 'overdue-notification', '2026-05-31', 6],
      ['F-1', 'stop-supply', '2026-05-31', 6],
    ]);
  });

  it('leaves out paid invoices, credit notes and deadlines already dealt with', () => {
    const paid = testItem('d1', 'F-2', { invoiceDate: '2026-01-05', dueDate: '2026-02-04', amountMinor: 50_000, openMinor: 0 });
    const credit = testItem('d1', 'C-1', { invoiceDate: '2026-01-05', dueDate: '2026-02-04', amountMinor: -20_000 });
    const handled = new Set([deadlineKey(old.id, 'overdue-notification'), deadlineKey(old.id, 'stop-supply')]);
    const alerts = deadlineAlerts([old, paid, credit], demoPolicy, toIsoDate('2026-05-25'), 7, handled);
    expect(alerts.map((alert) => [alert.number, alert.kind])).toEqual([['F-0', 'collection-transfer']]);
  });

  it('still warns for a disputed invoice: a dispute pauses dunning, not the insurer\'s clock', () => {
    const disputed = { ...old, dispute: { reason: 'quality' as const, since: toIsoDate('2026-02-10') } };
    expect(deadlineAlerts([disputed], demoPolicy, toIsoDate('2026-04-01'), 7).map((alert) => alert.kind)).toEqual(['overdue-notification', 'stop-supply']);
  });
});
