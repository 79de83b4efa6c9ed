import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../../time/iso-date';
import type { LedgerItem } from '../ledger/ledger-types';
import type { InsurancePolicy } from '../policy/insurance-policy';

/**
 * The insurer's deadlines for one unpaid invoice (insurer-apis.md §2.1 and §2.3). Missing one can void
 * cover for the invoice, so they override the dunning ladder's own pace.
 */
export const DEADLINE_KINDS = ['overdue-notification', 'stop-supply', 'collection-transfer', 'claim-filing'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface InvoiceDeadlines {
  /** Notify the insurer of the overdue invoice by this day (due date + overdue-notification days). */
  readonly 'overdue-notification': IsoDate;
  /** The maximum extension period ends: supplies to the debtor must stop (due date + MEP days). */
  readonly 'stop-supply': IsoDate;
  /** Hand the claim to the insurer's collectors by this day (MEP end + collection-transfer days). */
  readonly 'collection-transfer': IsoDate;
  /** File the claim by this day (invoice date + claim-filing days). */
  readonly 'claim-filing': IsoDate;
}

type DeadlineTerms = Pick<InsurancePolicy, 'overdueNotificationDays' | 'maxExtensionPeriodDays' | 'collectionTransferDays' | 'claimFilingDays'>;

export function invoiceDeadlines(item: Pick<LedgerItem, 'invoiceDate' | 'dueDate'>, policy: DeadlineTerms): InvoiceDeadlines {
  const extensionEnds = addDays(item.dueDate, policy.maxExtensionPeriodDays);
  return {
    'overdue-notification': addDays(item.dueDate, policy.overdueNotificationDays),
    'stop-supply': extensionEnds,
    'collection-transfer': addDays(extensionEnds, policy.collectionTransferDays),
    'claim-filing': addDays(item.invoiceDate, policy.claimFilingDays),
  };
}

/** Key of a deadline that has been dealt with (notification sent, supplies stopped, handed over, claim filed). */
export function deadlineKey(itemId: string, kind: DeadlineKind): string {
  return `${itemId}:${kind}`;
}

export interface DeadlineAlert {
  readonly debtorId: string;
  readonly itemId: string;
  readonly number: string;
  readonly kind: DeadlineKind;
  readonly on: IsoDate;
  /** Days from today to the deadline: 0 is today, negative when it has passed. */
  readonly daysLeft: number;
  readonly openMinor: number;
  readonly currency: string;
}

/**
 * The deadlines of open invoices falling within the next `leadDays` days or already passed, soonest first
 * (then in the order the policy's process meets them, then by invoice). Disputed invoices are included:
 * a dispute pauses dunning, not the insurer's clock. Deadlines in `handled` (deadlineKey) are left out.
 */
export function deadlineAlerts(items: readonly LedgerItem[], policy: DeadlineTerms, today: IsoDate, leadDays: number, handled: ReadonlySet<string> = new Set()): DeadlineAlert[] {
  return alertedItems(items, policy, today, leadDays, handled).map(({ alert }) => alert);
}

/**
 * `deadlineAlerts` with each alert's invoice beside it, for the worklist (which lists the invoices), and
 * the deadlines a debtor's own steps meet given per kind as sets of item ids (`met`) rather than as keys
 * added to a copy of `handled`: building a key per invoice and deadline was a visible share at tier L.
 */
export function alertedItems(items: readonly LedgerItem[], policy: DeadlineTerms, today: IsoDate, leadDays: number, handled: ReadonlySet<string>, met?: ReadonlyMap<DeadlineKind, ReadonlySet<string>>): { readonly alert: DeadlineAlert; readonly item: LedgerItem }[] {
  // In day numbers (the same days as invoiceDeadlines and daysBetween): at tier L this runs over every open
  // invoice with work in view, and four ISO dates and eight conversions per invoice were a visible share.
  const todayDay = toDayNumber(today);
  const extension = policy.maxExtensionPeriodDays;
  const fromDue: Readonly<Record<DeadlineKind, number>> = { 'overdue-notification': policy.overdueNotificationDays, 'stop-supply': extension, 'collection-transfer': extension + policy.collectionTransferDays, 'claim-filing': 0 };
  const alerts: { readonly alert: DeadlineAlert; readonly item: LedgerItem }[] = [];
  for (const item of items) {
    if (item.kind !== 'invoice' || item.openMinor <= 0) continue;
    const dueDay = toDayNumber(item.dueDate);
    for (const kind of DEADLINE_KINDS) {
      const onDay = kind === 'claim-filing' ? toDayNumber(item.invoiceDate) + policy.claimFilingDays : dueDay + fromDue[kind];
      const daysLeft = onDay - todayDay;
      if (daysLeft > leadDays || met?.get(kind)?.has(item.id) || (handled.size > 0 && handled.has(deadlineKey(item.id, kind)))) continue;
      alerts.push({ alert: { debtorId: item.debtorId, itemId: item.id, number: item.number, kind, on: fromDayNumber(onDay), daysLeft, openMinor: item.openMinor, currency: item.currency }, item });
    }
  }
  return alerts.sort(({ alert: a }, { alert: b }) => a.on.localeCompare(b.on) || DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) || a.itemId.localeCompare(b.itemId));
}
