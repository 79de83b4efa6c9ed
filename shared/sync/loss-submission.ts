import { z } from 'zod';
import type { CurrencyCode } from '../money/money';
import type { IsoDate } from '../time/iso-date';
import { insurerAmountToMinor } from './insurer-cover';
import { failedAttempt, type CheckableEntry } from './outbox-check';
import type { CallOutcome } from './retry-policy';

/**
 * What the credit controller sends the insurer when a debt goes bad (insurer-apis.md §2.1 and §3.2): an
 * overdue notification (within the policy's notification period, or cover is lost), a handover to the
 * insurer's collectors, and a claim, tracked to its settlement. Like limit requests they go through an
 * outbox: stored first with a UUID that is the Idempotency-Key of every attempt, so nothing is sent twice.
 */
export const LOSS_KINDS = ['overdue', 'collection', 'claim'] as const;
export type LossKind = (typeof LOSS_KINDS)[number];

/** An invoice as the insurer wants it: net (VAT excluded, what it indemnifies) and gross, in the policy currency. */
export interface LossInvoice {
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly netAmountMinor: number;
  readonly grossAmountMinor: number;
  readonly currency: CurrencyCode;
}

export interface LossDetail {
  /** Overdue: OVD a plain notification, EXP an extension (with `newDueDate`), RES a rescheduling. */
  readonly category?: 'OVD' | 'EXP' | 'RES';
  readonly newDueDate?: IsoDate;
  readonly caseType?: 'MONITOR' | 'COLLECTION' | 'CLAIM_COLLECTION';
  readonly cause?: 'INSOLVENCY' | 'PROTRACTED_DEFAULT' | 'POLITICAL';
  /** The insurer's ids of earlier steps this one builds on. */
  readonly overdueId?: string;
  readonly caseId?: string;
}

export interface LossSettlement {
  readonly settlementId: string;
  readonly grossLossMinor: number;
  readonly deductibleMinor: number;
  readonly insuredPercentageBp: number;
  readonly paidMinor: number;
  readonly currency: CurrencyCode;
  readonly paidAt: string;
}

/** As for limit requests (limit-outbox.ts): CHECKING is looked up at the next sync, ATTENTION needs the controller. */
export interface LossSubmission extends CheckableEntry {
  readonly id: string;
  readonly debtorId: string;
  readonly kind: LossKind;
  readonly createdAt: string;
  readonly invoices: readonly LossInvoice[];
  readonly detail: LossDetail;
  readonly state: 'SUBMITTED_LOCAL' | 'CHECKING' | 'ACKNOWLEDGED' | 'REJECTED' | 'ATTENTION';
  readonly attempts: number;
  readonly notBefore?: string;
  readonly lastProblem?: { readonly status: number; readonly code?: string };
  /** The insurer's overdueId, caseId or claimId once acknowledged. */
  readonly insurerId?: string;
  /** The insurer's status: RECEIVED/ACKNOWLEDGED, OPEN/IN_PROGRESS/RECOVERED/UNSUCCESSFUL, SUBMITTED … PAID/REJECTED. */
  readonly insurerStatus?: string;
  /** The insurer's answer to an overdue notification (LIMIT_CONFIRMED, SUPPLY_BAN, LIMIT_CANCELLED) or a claim's reason. */
  readonly outcome?: string;
  readonly settlement?: LossSettlement;
}

export function newLossSubmission(input: { readonly id: string; readonly debtorId: string; readonly kind: LossKind; readonly createdAt: string; readonly invoices: readonly LossInvoice[]; readonly detail: LossDetail }): LossSubmission {
  if (input.invoices.length === 0) throw new RangeError('A submission to the insurer needs at least one invoice');
  const currencies = new Set(input.invoices.map((invoice) => invoice.currency));
  if (currencies.size !== 1) throw new RangeError('A submission to the insurer is in one currency');
  return { ...input, state: 'SUBMITTED_LOCAL', attempts: 0 };
}

export function lossAcknowledged(entry: LossSubmission, answer: { readonly insurerId: string; readonly status: string }): LossSubmission {
  const { notBefore: _waited, lastProblem: _problem, ...rest } = entry;
  return { ...rest, state: 'ACKNOWLEDGED', attempts: entry.attempts + 1, insurerId: answer.insurerId, insurerStatus: answer.status };
}

/** After an attempt that did not get through: wait (retry), check (409) or stop for good (the insurer refused it). */
export function lossAttemptFailed(entry: LossSubmission, outcome: Exclude<CallOutcome, { kind: 'ok' }>, now: Date, problemCode?: string): LossSubmission {
  return failedAttempt(entry, outcome, now, problemCode);
}

/** What a feed event says about one submission, found by the insurer's id. */
export interface LossUpdate {
  readonly insurerId: string;
  readonly status?: string;
  readonly outcome?: string;
  readonly settlement?: LossSettlement;
}

const decimal = z.string().regex(/^-?\d{1,15}(\.\d{1,4})?$/);
const overdueData = z.object({ overdue: z.object({ overdueId: z.string(), status: z.string(), outcome: z.string().nullish() }) });
const caseData = z.object({ collectionCase: z.object({ caseId: z.string(), status: z.string() }) });
const claimData = z.object({ claim: z.object({ claimId: z.string(), status: z.string(), statusReason: z.string().nullish() }) });
const settlementData = z.object({
  settlement: z.object({ settlementId: z.string(), claimId: z.string(), grossLoss: decimal, insuredPercentageBp: z.number().int().min(0).max(10_000), deductibleApplied: decimal, paidAmount: decimal, currency: z.string().length(3), paidAt: z.string() }),
});

/** The loss updates in a feed event's data, or none when the event is about something else. */
export function lossUpdateOf(data: Record<string, unknown>): LossUpdate | undefined {
  const overdue = overdueData.safeParse(data);
  if (overdue.success) return { insurerId: overdue.data.overdue.overdueId, status: overdue.data.overdue.status, ...(overdue.data.overdue.outcome && { outcome: overdue.data.overdue.outcome }) };
  const collection = caseData.safeParse(data);
  if (collection.success) return { insurerId: collection.data.collectionCase.caseId, status: collection.data.collectionCase.status };
  const claim = claimData.safeParse(data);
  if (claim.success) return { insurerId: claim.data.claim.claimId, status: claim.data.claim.status, ...(claim.data.claim.statusReason && { outcome: claim.data.claim.statusReason }) };
  const settlement = settlementData.safeParse(data);
  if (settlement.success) {
    const paid = settlement.data.settlement;
    const minor = (amount: string) => insurerAmountToMinor(amount, paid.currency);
    return {
      insurerId: paid.claimId,
      settlement: { settlementId: paid.settlementId, grossLossMinor: minor(paid.grossLoss), deductibleMinor: minor(paid.deductibleApplied), insuredPercentageBp: paid.insuredPercentageBp, paidMinor: minor(paid.paidAmount), currency: paid.currency as CurrencyCode, paidAt: paid.paidAt },
    };
  }
  return undefined;
}

/**
 * How far along each insurer status is. Feeds deliver out of order (insurer-apis.md §3.4), so a status
 * only ever moves forward: an ASSESSING event arriving after APPROVED changes nothing.
 */
const STATUS_RANK: Readonly<Record<string, number>> = {
  RECEIVED: 1, ACKNOWLEDGED: 2,
  OPEN: 1, IN_PROGRESS: 2, RECOVERED: 3, UNSUCCESSFUL: 3,
  SUBMITTED: 1, ASSESSING: 2, WAITING_PERIOD: 3, APPROVED: 4, REJECTED: 4, PAID: 5, CLOSED: 6,
};
const rankOf = (status: string | undefined) => (status === undefined ? 0 : (STATUS_RANK[status] ?? 0));

/** A submission after an update from the feed, whatever order the updates come in. */
export function applyLossUpdate(entry: LossSubmission, update: LossUpdate): LossSubmission {
  const status = update.settlement ? 'PAID' : update.status;
  const moves = status !== undefined && rankOf(status) >= rankOf(entry.insurerStatus);
  return {
    ...entry,
    ...(moves && { insurerStatus: status }),
    ...(update.outcome !== undefined && { outcome: update.outcome }),
    ...(update.settlement && { settlement: update.settlement }),
  };
}
