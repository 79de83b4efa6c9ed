import type { InsurancePolicy } from '../policy/insurance-policy';
import type { CreditPolicy } from './credit-policy';

/**
 * Whether an open invoice with no dunning step done yet can put anything on today's worklist, from its
 * dates alone (day numbers). At tier L about half of a million invoices are open, most of them not due
 * for weeks; planning each of them through the ladder to learn that nothing is due cost seconds.
 *
 * An invoice can be on the list only when (step-schedule.ts, policy-deadlines.ts):
 * - its first ladder step has fallen due: due date + the earliest first wait of any ladder (a segment's
 *   delay only adds days), or the insurer forces stop supply (MEP end) or the handover (collection
 *   transfer − margin) forward;
 * - one of its insurer deadlines falls within `leadDays` or has passed.
 * Later steps fall due only after an earlier one is done, so an invoice with steps done is not judged
 * here (the caller keeps those debtors' invoices whole), nor are promises and plans (their own entries).
 */
export function createWorkHorizon(creditPolicy: CreditPolicy, insurancePolicy: InsurancePolicy, todayDay: number, leadDays: number): (invoiceDay: number, dueDay: number) => boolean {
  const firstWait = Math.min(...Object.values(creditPolicy.ladders).map((ladder) => ladder.steps[0]?.waitDays ?? 0));
  const { overdueNotificationDays, maxExtensionPeriodDays, collectionTransferDays, claimFilingDays } = insurancePolicy;
  const transfer = maxExtensionPeriodDays + collectionTransferDays;
  // Offsets from the due date at which a step can fall due, and at which a deadline alert starts.
  const stepFromDue = Math.min(firstWait, maxExtensionPeriodDays, transfer - creditPolicy.handoverMarginDays);
  const alertFromDue = Math.min(overdueNotificationDays, maxExtensionPeriodDays, transfer) - leadDays;
  const alertFromInvoice = claimFilingDays - leadDays;
  return (invoiceDay, dueDay) => dueDay + stepFromDue <= todayDay || dueDay + alertFromDue <= todayDay || invoiceDay + alertFromInvoice <= todayDay;
}
