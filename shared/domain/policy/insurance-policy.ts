import type { CurrencyCode, Money } from '../../money/money';
import type { IsoDate } from '../../time/iso-date';

/**
 * The trade-credit insurance policy's terms that drive Kredo's rules (insurer-apis.md §2.1 and §2.3).
 * Percentages are basis points (9000 = 90 %).
 */
export interface InsurancePolicy {
  readonly id: string;
  readonly insurer: string;
  readonly policyNumber: string;
  /** Limits, exposure and claims are expressed in this currency. */
  readonly currency: CurrencyCode;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** The share of an insured loss the insurer pays, e.g. 9000 for 90 %. */
  readonly insuredPercentageBp: number;
  /** Up to this amount the controller may set a limit without asking the insurer (self-assessment). */
  readonly discretionaryLimitMax: Money;
  /** The longest payment term allowed, counted from the invoice date. */
  readonly maxCreditPeriodDays: number;
  /** Overdue invoices must be notified to the insurer within this many days after the due date. */
  readonly overdueNotificationDays: number;
  /** Due dates may be extended this long without the insurer's consent; after it, supplies must stop. */
  readonly maxExtensionPeriodDays: number;
  /** The claim must be handed to the insurer's collectors within this many days after the MEP ends. */
  readonly collectionTransferDays: number;
  /** Claims must be filed within this many days from the invoice date. */
  readonly claimFilingDays: number;
  /** Protracted default: the insurer pays this many days after notification. */
  readonly waitingPeriodDays: number;
  /** First loss the insured bears per claim. */
  readonly deductible: Money;
}

/** Whether a requested discretionary limit is within the policy's self-assessment ceiling. */
export function isWithinDiscretionaryLimit(policy: InsurancePolicy, amount: Money): boolean {
  return amount.currency === policy.currency && amount.amountMinor >= 0 && amount.amountMinor <= policy.discretionaryLimitMax.amountMinor;
}
