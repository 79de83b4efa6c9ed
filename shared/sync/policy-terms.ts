import { z } from 'zod';
import type { DiscretionaryConditions } from '../domain/limits/own-limit';
import type { DeclarationFrequency } from '../domain/turnover/declaration-period';
import type { InsurancePolicy } from '../domain/policy/insurance-policy';
import { isCurrencyCode, type CurrencyCode } from '../money/money';
import { isIsoDate, type IsoDate } from '../time/iso-date';
import { insurerAmountToMinor } from './insurer-cover';

/**
 * The policy as the insurer's API sends it (GET /policies/{id}, insurer-apis.md §2.1 and §3.2): periods in
 * days, the insured percentage in basis points, amounts as decimal strings in the policy currency. Kredo
 * stores it as its InsurancePolicy, so the dunning deadlines and the discretionary-limit rule follow the
 * terms the insurer actually holds rather than a copy typed in by hand.
 */
const decimal = z.string().regex(/^\d{1,15}(\.\d{1,4})?$/);
const days = z.number().int().min(0).max(3_650);
const businessDate = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');

export const insurerPolicySchema = z.object({
  policyId: z.string().min(1).max(100),
  insurer: z.string().min(1).max(200),
  policyNumber: z.string().min(1).max(100),
  currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 code'),
  startDate: businessDate,
  endDate: businessDate,
  insuredPercentageBp: z.number().int().min(0).max(10_000),
  discretionaryLimitMax: decimal,
  /** The policy's conditions for a discretionary limit (own payment experience, a recent credit report), when it states them. */
  discretionaryConditions: z.object({ paymentExperienceMonths: z.number().int().min(0).max(120), creditReportMaxAgeDays: days }).optional(),
  maxCoverPerBuyer: decimal.optional(),
  maxCreditPeriodDays: days,
  overdueNotificationDays: days,
  maxExtensionPeriodDays: days,
  collectionTransferDays: days,
  claimFilingDays: days,
  waitingPeriodDays: days,
  deductible: decimal,
  /** How often turnover is declared (insurer-apis.md §2.1 `turnoverDeclarationFrequency`), when the insurer's API says. */
  turnoverDeclarationFrequency: z.enum(['MONTHLY', 'QUARTERLY']).optional(),
});
export type InsurerPolicy = z.infer<typeof insurerPolicySchema>;

/**
 * The policy terms Kredo keeps: its InsurancePolicy plus the insurer's cap per buyer and its conditions for a
 * discretionary limit, when it states them (without them the common conditions apply: own-limit.ts).
 */
export type PolicyTerms = InsurancePolicy & { readonly maxCoverPerBuyerMinor?: number; readonly discretionaryConditions?: DiscretionaryConditions; readonly turnoverDeclarationFrequency?: DeclarationFrequency };

export function policyTermsFrom(view: InsurerPolicy): PolicyTerms {
  const currency = view.currency as CurrencyCode;
  const minor = (amount: string) => insurerAmountToMinor(amount, currency);
  return {
    id: view.policyId,
    insurer: view.insurer,
    policyNumber: view.policyNumber,
    currency,
    startDate: view.startDate as IsoDate,
    endDate: view.endDate as IsoDate,
    insuredPercentageBp: view.insuredPercentageBp,
    discretionaryLimitMax: { amountMinor: minor(view.discretionaryLimitMax), currency },
    maxCreditPeriodDays: view.maxCreditPeriodDays,
    overdueNotificationDays: view.overdueNotificationDays,
    maxExtensionPeriodDays: view.maxExtensionPeriodDays,
    collectionTransferDays: view.collectionTransferDays,
    claimFilingDays: view.claimFilingDays,
    waitingPeriodDays: view.waitingPeriodDays,
    deductible: { amountMinor: minor(view.deductible), currency },
    ...(view.maxCoverPerBuyer !== undefined && { maxCoverPerBuyerMinor: minor(view.maxCoverPerBuyer) }),
    ...(view.discretionaryConditions && { discretionaryConditions: view.discretionaryConditions }),
    ...(view.turnoverDeclarationFrequency && { turnoverDeclarationFrequency: view.turnoverDeclarationFrequency === 'QUARTERLY' ? 'quarterly' : 'monthly' }),
  };
}
