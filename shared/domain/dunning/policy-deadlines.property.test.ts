import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, fromDayNumber, toDayNumber, type IsoDate } from '../../time/iso-date';
import { testItem } from '../ledger/test-ledger';
import { DEADLINE_KINDS, deadlineAlerts, deadlineKey, invoiceDeadlines, type DeadlineAlert } from './policy-deadlines';
import { demoPolicy } from './test-dunning';

/** deadlineAlerts as it was written with ISO dates (invoiceDeadlines + daysBetween): the oracle its day-number form is held to. */
function alertsFromIsoDates(items: Parameters<typeof deadlineAlerts>[0], policy: Parameters<typeof deadlineAlerts>[1], today: IsoDate, leadDays: number, handled: ReadonlySet<string>): DeadlineAlert[] {
  const alerts: DeadlineAlert[] = [];
  for (const item of items) {
    if (item.kind !== 'invoice' || item.openMinor <= 0) continue;
    const deadlines = invoiceDeadlines(item, policy);
    for (const kind of DEADLINE_KINDS) {
      const on = deadlines[kind];
      const daysLeft = daysBetween(today, on);
      if (daysLeft > leadDays || handled.has(deadlineKey(item.id, kind))) continue;
      alerts.push({ debtorId: item.debtorId, itemId: item.id, number: item.number, kind, on, daysLeft, openMinor: item.openMinor, currency: item.currency });
    }
  }
  return alerts.sort((a, b) => a.on.localeCompare(b.on) || DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) || a.itemId.localeCompare(b.itemId));
}

const day = fc.integer({ min: toDayNumber('1995-01-01' as IsoDate), max: toDayNumber('2090-12-31' as IsoDate) });

describe('insurer deadline alerts in day numbers', () => {
  it('are the alerts worked out with ISO dates, for any invoices, terms, day and lead', () => {
    const invoice = fc.record({ dueDay: day, term: fc.integer({ min: 0, max: 120 }), open: fc.integer({ min: -100, max: 10_000 }), creditNote: fc.boolean() });
    const terms = fc.record({ overdueNotificationDays: fc.integer({ min: 0, max: 120 }), maxExtensionPeriodDays: fc.integer({ min: 0, max: 180 }), collectionTransferDays: fc.integer({ min: 0, max: 90 }), claimFilingDays: fc.integer({ min: 0, max: 365 }) });
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 6 }), terms, fc.integer({ min: -60, max: 400 }), fc.integer({ min: 0, max: 30 }), fc.array(fc.tuple(fc.nat(5), fc.constantFrom(...DEADLINE_KINDS)), { maxLength: 4 }), (drafts, extension, todayOffset, leadDays, handledPairs) => {
        const items = drafts.map((draft, index) => ({
          ...testItem('d1', `F-${index}`, { invoiceDate: fromDayNumber(draft.dueDay - draft.term), dueDate: fromDayNumber(draft.dueDay), amountMinor: Math.max(1, draft.open) }),
          openMinor: draft.open,
          ...(draft.creditNote && { kind: 'credit-note' as const }),
        }));
        const policy = { ...demoPolicy, ...extension };
        const today = fromDayNumber((drafts[0]?.dueDay ?? toDayNumber('2026-11-24' as IsoDate)) + todayOffset);
        const handled = new Set(handledPairs.map(([index, kind]) => deadlineKey(`d1:F-${index}`, kind)));
        expect(deadlineAlerts(items, policy, today, leadDays, handled)).toEqual(alertsFromIsoDates(items, policy, today, leadDays, handled));
      }),
      { numRuns: 1_000 },
    );
  });
});
