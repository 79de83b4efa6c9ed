import type { CodedText } from '../../shared/domain/limits/credit-limit';
import type { IsoDate } from '../../shared/time/iso-date';

/**
 * What the sandbox insurer remembers about unpaid invoices (insurer-apis.md §2.1): overdue notifications,
 * collection cases, claims and the settlements paid on them. Plain JSON in integer minor units like the
 * rest of SandboxState; instants are ISO 8601, business dates YYYY-MM-DD. Each record carries the virtual
 * instant of its next step (`nextStepAt`), which the insurer's timeline applies when the clock passes it.
 */
export interface SandboxInvoice {
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  /** Without VAT: what a claim is indemnified on. */
  readonly netAmountMinor: number;
  readonly grossAmountMinor: number;
  readonly currency: string;
}

export const OVERDUE_CATEGORIES = ['OVD', 'EXP', 'RES'] as const;
export type OverdueCategory = (typeof OVERDUE_CATEGORIES)[number];
export type OverdueOutcome = 'LIMIT_CONFIRMED' | 'SUPPLY_BAN' | 'LIMIT_CANCELLED';

export interface SandboxOverdue {
  readonly overdueId: string;
  readonly companyId: string;
  readonly category: OverdueCategory;
  readonly invoices: readonly SandboxInvoice[];
  /** EXP: the due date the insured asks to move the invoices to. */
  readonly newDueDate: IsoDate | null;
  /** RES: the repayment plan the buyer proposed. */
  readonly plan: readonly { readonly dueDate: IsoDate; readonly amountMinor: number }[] | null;
  readonly comment: string | null;
  readonly customerReference: string | null;
  status: 'RECEIVED' | 'ACKNOWLEDGED';
  readonly receivedAt: string;
  /** When the insurer will answer (virtual time); null once answered. */
  nextStepAt: string | null;
  outcome: OverdueOutcome | null;
  respondedAt: string | null;
  updatedAt: string;
}

export const CASE_TYPES = ['MONITOR', 'COLLECTION', 'CLAIM_COLLECTION'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export type CaseStatus = 'OPEN' | 'IN_PROGRESS' | 'RECOVERED' | 'UNSUCCESSFUL';

export interface DebtorContact {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface SandboxCollectionCase {
  readonly caseId: string;
  readonly companyId: string;
  readonly caseType: CaseType;
  readonly invoices: readonly SandboxInvoice[];
  readonly overdueId: string | null;
  readonly debtorContact: DebtorContact | null;
  status: CaseStatus;
  readonly openedAt: string;
  nextStepAt: string | null;
  /** What the collectors got back: the whole gross amount when RECOVERED, nothing when UNSUCCESSFUL. */
  recoveredAmountMinor: number | null;
  closedAt: string | null;
  updatedAt: string;
}

export const CLAIM_CAUSES = ['INSOLVENCY', 'PROTRACTED_DEFAULT', 'POLITICAL'] as const;
export type ClaimCause = (typeof CLAIM_CAUSES)[number];
export type ClaimStatus = 'SUBMITTED' | 'ASSESSING' | 'WAITING_PERIOD' | 'APPROVED' | 'REJECTED' | 'PAID';

/** The indemnity worked out when a claim is approved (see indemnity.ts). */
export interface ClaimIndemnity {
  readonly grossLossMinor: number;
  readonly deductibleAppliedMinor: number;
  readonly insuredPercentageBp: number;
  readonly paidAmountMinor: number;
}

export interface SandboxClaim {
  readonly claimId: string;
  readonly companyId: string;
  readonly overdueId: string | null;
  readonly caseId: string | null;
  readonly cause: ClaimCause;
  readonly invoices: readonly SandboxInvoice[];
  readonly currency: string;
  /** The buyer's decided cover when the claim was filed: the most the insurer indemnifies. */
  readonly coverAtClaimMinor: number;
  /** The date the waiting period runs from: the first overdue notification, or the claim's own date. */
  readonly notifiedOn: IsoDate;
  status: ClaimStatus;
  statusReason: CodedText | null;
  readonly submittedAt: string;
  nextStepAt: string | null;
  waitingPeriodEndsOn: IsoDate | null;
  indemnity: ClaimIndemnity | null;
  decidedAt: string | null;
  settlementId: string | null;
  updatedAt: string;
}

export interface SandboxSettlement {
  readonly settlementId: string;
  readonly claimId: string;
  readonly companyId: string;
  readonly grossLossMinor: number;
  readonly insuredPercentageBp: number;
  readonly deductibleAppliedMinor: number;
  readonly paidAmountMinor: number;
  readonly currency: string;
  readonly paidAt: string;
}

/** The loss side of SandboxState; a state file written before it existed loads with empty lists. */
export interface LossState {
  overdues: SandboxOverdue[];
  collectionCases: SandboxCollectionCase[];
  claims: SandboxClaim[];
  settlements: SandboxSettlement[];
}

export function withLossDefaults<T extends Partial<LossState>>(state: T): T & LossState {
  return { ...state, overdues: state.overdues ?? [], collectionCases: state.collectionCases ?? [], claims: state.claims ?? [], settlements: state.settlements ?? [] };
}

/** Sequential ids such as OVD-000001: nothing is ever deleted, so the list length numbers the next one. */
export const nextId = (prefix: string, list: readonly unknown[]) => `${prefix}-${String(list.length + 1).padStart(6, '0')}`;
