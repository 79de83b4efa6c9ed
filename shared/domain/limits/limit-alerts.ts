import { minorUnitDigits } from '../../money/money';
import { workingLimit } from '../exposure/exposure';
import type { DebtorSummary } from '../summaries/debtor-summary';
import { isWithinDiscretionaryLimit, type InsurancePolicy } from '../policy/insurance-policy';
import type { LimitState } from './credit-limit';
import type { LimitRequestType } from '../../sync/limit-outbox';

/**
 * The Limits screen's alerts: debtors owing more than their limit covers. "Over limit": exposure above the
 * working limit — the company's internal limit where it set one, else the insured limit (the insurer's in
 * force, else the discretionary one) — so new deliveries are beyond what the company decided to carry.
 * "Uninsured": exposure with no insured limit at all (no insurer cover and no discretionary limit) and no
 * internal limit accepting it. Each comes with the limit worth asking for. A decision whose start date has
 * not come is pending, like a request with the insurer: no alert, nothing offered to request again.
 */
export interface LimitAlert {
  readonly debtorId: string;
  readonly kind: 'overLimit' | 'uninsured';
  readonly exposureMinor: number;
  readonly limitMinor: number;
  /** The exposure the limit does not cover. */
  readonly shortfallMinor: number;
  /** The exposure rounded up to whole thousands (insurers decide in thousands), within the policy's cap. */
  readonly suggestedMinor: number;
  readonly requestType: LimitRequestType;
  /**
   * Whether the controller may cover it with an own (discretionary) limit instead of asking the insurer:
   * the suggested amount is within the policy's self-assessment ceiling (insurer-apis.md §2.1, DCL).
   */
  readonly withinDiscretionary: boolean;
}

/** States in which the insurer covers nothing: a new request is needed, not an increase. */
const WITHOUT_COVER: ReadonlySet<LimitState> = new Set(['NONE', 'DISCRETIONARY', 'REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED']);

/** NEW when the insurer covers nothing yet; otherwise an increase or a reduction of the cover in force. */
export function requestTypeFor(state: LimitState, currentMinor: number, wantedMinor: number): LimitRequestType {
  if (WITHOUT_COVER.has(state)) return 'NEW';
  return wantedMinor < currentMinor ? 'REDUCE' : 'INCREASE';
}

/** Rounds up to whole thousands of the currency (minor units per major unit given). */
export function roundUpToThousand(amountMinor: number, minorPerMajor: number): number {
  const step = 1_000 * minorPerMajor;
  return Math.ceil(amountMinor / step) * step;
}

export function limitAlerts(summaries: readonly DebtorSummary[], policy: InsurancePolicy & { readonly maxCoverPerBuyerMinor?: number }): LimitAlert[] {
  const minorPerMajor = 10 ** minorUnitDigits(policy.currency);
  const alerts: LimitAlert[] = [];
  for (const summary of summaries) {
    // A request already with the insurer is shown under the requests, not as an alert.
    if (summary.exposureMinor <= 0 || summary.limitState === 'PENDING' || summary.limitState === 'SCHEDULED') continue;
    const internal = summary.internalLimitMinor;
    const uninsured = WITHOUT_COVER.has(summary.limitState) && summary.limitSource !== 'discretionary' && internal === undefined;
    if (!uninsured && summary.overLimitMinor <= 0) continue;
    const cap = policy.maxCoverPerBuyerMinor ?? Number.MAX_SAFE_INTEGER;
    const suggestedMinor = Math.min(roundUpToThousand(summary.exposureMinor, minorPerMajor), cap);
    alerts.push({
      debtorId: summary.debtorId,
      kind: uninsured ? 'uninsured' : 'overLimit',
      exposureMinor: summary.exposureMinor,
      limitMinor: workingLimit(summary),
      shortfallMinor: uninsured ? summary.exposureMinor : summary.overLimitMinor,
      suggestedMinor,
      requestType: requestTypeFor(summary.limitState, summary.limitMinor, suggestedMinor),
      withinDiscretionary: isWithinDiscretionaryLimit(policy, { amountMinor: suggestedMinor, currency: policy.currency }),
    });
  }
  return alerts.sort((a, b) => b.shortfallMinor - a.shortfallMinor || (a.debtorId < b.debtorId ? -1 : 1));
}
