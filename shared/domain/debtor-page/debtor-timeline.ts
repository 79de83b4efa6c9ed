import type { IsoDate } from '../../time/iso-date';
import type { AuditEntry } from '../audit/audit-entry';
import type { DunningAction, DunningStep } from '../dunning/dunning-action';
import type { DebtorLedger, DisputeReason } from '../ledger/ledger-types';
import type { CreditLimit, LimitStatus } from '../limits/credit-limit';

/** One thing that happened to a debtor, as the debtor page's timeline lists it. */
export type TimelineEvent =
  | { readonly kind: 'invoice' | 'credit-note'; readonly on: IsoDate; readonly number: string; readonly amountMinor: number; readonly currency: string }
  | { readonly kind: 'payment'; readonly on: IsoDate; readonly amountMinor: number; readonly currency: string; readonly reference: string }
  | { readonly kind: 'dispute'; readonly on: IsoDate; readonly number: string; readonly reason: DisputeReason }
  | { readonly kind: 'limit'; readonly on: IsoDate; readonly status: LimitStatus; readonly amountMinor: number; readonly currency: string; readonly source: CreditLimit['source'] }
  | { readonly kind: 'dunning'; readonly on: IsoDate; readonly step: DunningStep; readonly status: DunningAction['status'] }
  | { readonly kind: 'audit'; readonly on: IsoDate; readonly at: string; readonly entry: AuditEntry };

export interface TimelineSources {
  readonly ledger: DebtorLedger | undefined;
  readonly limits: readonly CreditLimit[];
  readonly dunning: readonly DunningAction[];
  /** Audit entries about the debtor: notes, assignments, decisions. */
  readonly audit: readonly AuditEntry[];
}

/** Order within a day: what the controller did last comes first, then the ledger's own events. */
const KIND_ORDER: Record<TimelineEvent['kind'], number> = { audit: 0, dunning: 1, limit: 2, payment: 3, dispute: 4, 'credit-note': 5, invoice: 6 };

/**
 * Every event of a debtor from the ledger, the limit history, the dunning actions and the audit trail,
 * newest first: the one place a controller can read back what happened before defending a decision.
 */
export function debtorTimeline(sources: TimelineSources): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  // A dispute set in Kredo is both on the invoice and in the audit trail ('item.disputed', with who and
  // when): the audit line tells it, and outlives the settling. The invoice's own record tells only the
  // disputes that came without one (from an import or the demo ledger), so each dispute shows once.
  const disputedInAudit = new Set(sources.audit.filter((entry) => entry.action === 'item.disputed').map((entry) => String(entry.details['itemId'])));
  for (const item of sources.ledger?.items ?? []) {
    events.push({ kind: item.kind, on: item.invoiceDate, number: item.number, amountMinor: item.amountMinor, currency: item.currency });
    if (item.dispute && !disputedInAudit.has(item.id)) events.push({ kind: 'dispute', on: item.dispute.since, number: item.number, reason: item.dispute.reason });
  }
  for (const payment of sources.ledger?.payments ?? []) {
    events.push({ kind: 'payment', on: payment.date, amountMinor: payment.amountMinor, currency: payment.currency, reference: payment.reference });
  }
  for (const limit of sources.limits) {
    for (const entry of limit.history) events.push({ kind: 'limit', on: entry.on, status: entry.status, amountMinor: entry.amountMinor, currency: limit.currency, source: limit.source });
  }
  for (const action of sources.dunning) events.push({ kind: 'dunning', on: action.doneOn ?? action.plannedOn, step: action.step, status: action.status });
  for (const entry of sources.audit) events.push({ kind: 'audit', on: entry.at.slice(0, 10) as IsoDate, at: entry.at, entry });
  return events.sort((a, b) => {
    if (a.on !== b.on) return a.on < b.on ? 1 : -1;
    if (a.kind === 'audit' && b.kind === 'audit') return a.at < b.at ? 1 : -1;
    return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  });
}
