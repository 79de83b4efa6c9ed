import { addDays, type IsoDate } from '../../time/iso-date';
import type { InsurancePolicy } from './insurance-policy';

export const UNINSURED_POLICY_ID = 'uninsured';

/** The time limits most trade-credit policies set (insurer-apis.md §2.3), in days. */
export const COMMON_POLICY_PERIODS = {
  maxCreditPeriodDays: 120,
  overdueNotificationDays: 60,
  maxExtensionPeriodDays: 60,
  collectionTransferDays: 30,
  claimFilingDays: 180,
  waitingPeriodDays: 150,
} as const satisfies Partial<InsurancePolicy>;

/**
 * The terms figures are computed against before the insurer's policy is known, as when a controller
 * starts from an ERP import instead of the demo: nothing is insured (0 %), amounts are in the company's
 * home currency, and the time limits are the common ones of insurers' policies (insurer-apis.md §2.3) so
 * overdue warnings are still meaningful. The insurer sync replaces it with the real policy.
 */
export function uninsuredPolicy(currency: string, today: IsoDate): InsurancePolicy {
  return {
    id: UNINSURED_POLICY_ID,
    insurer: '',
    policyNumber: '',
    currency,
    startDate: today,
    endDate: addDays(today, 364),
    insuredPercentageBp: 0,
    discretionaryLimitMax: { amountMinor: 0, currency },
    ...COMMON_POLICY_PERIODS,
    deductible: { amountMinor: 0, currency },
  };
}
