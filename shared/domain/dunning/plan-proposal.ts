import { z } from 'zod';
import { JURISDICTION_CURRENCY, type LawJurisdiction } from '../law/jurisdiction';
import { periodInterest } from '../law/interest-accrual';
import { statutoryInterestOnInvoice } from '../law/invoice-interest';
import type { ReferenceRateTable } from '../law/reference-rates';
import { statutoryInterestRule } from '../law/statutory-interest';
import type { DebtorLedger } from '../ledger/ledger-types';
import { addMonths, daysBetween, isIsoDate, type IsoDate } from '../../time/iso-date';
import { validateWith, type Validated } from './field-errors';
import type { Instalment } from './payment-plans';

/** What the controller agrees on the phone; the amounts follow from the ledger (proposePaymentPlan). */
export interface PlanTerms {
  readonly itemIds: readonly string[];
  readonly includeInterest: boolean;
  /** Charge the statutory rate on the principal still unpaid while the plan runs, with each instalment. */
  readonly interestDuringPlan: boolean;
  readonly firstDueOn: IsoDate;
  readonly count: number;
  readonly everyMonths: number;
}

/** Up to five years of monthly instalments: longer is a restructuring, not a payment plan. */
export const MAX_INSTALMENTS = 60;

const planTermsSchema = z.object({
  itemIds: z.array(z.string().min(1)).min(1),
  includeInterest: z.boolean(),
  interestDuringPlan: z.boolean(),
  firstDueOn: z.custom<IsoDate>(isIsoDate, 'not a YYYY-MM-DD date'),
  count: z.number().int().min(1).max(MAX_INSTALMENTS),
  everyMonths: z.number().int().min(1).max(12),
}) satisfies z.ZodType<PlanTerms>;

/** The terms as typed, checked; the first instalment may not fall before the day the plan is agreed. */
export function validatePlanTerms(input: unknown, agreedOn: IsoDate): Validated<PlanTerms> {
  const result = validateWith(planTermsSchema, input);
  if (result.ok && result.value.firstDueOn < agreedOn) return { ok: false, errors: [{ field: 'firstDueOn', code: 'beforeAgreed', message: 'The first instalment cannot fall due before the plan is agreed' }] };
  return result;
}

/** The terms with what they apply to: the debtor's ledger and law, and the day the plan is agreed. */
export interface PlanProposalInput extends PlanTerms {
  readonly ledger: DebtorLedger;
  readonly jurisdiction: LawJurisdiction;
  readonly agreedOn: IsoDate;
  /** The statutory-interest rate table in force (shipped rows and the controller's); the built-in one when absent. */
  readonly rates?: ReferenceRateTable;
}

export interface PlanProposal {
  readonly currency: string;
  readonly principalMinor: number;
  /** Statutory interest accrued until the plan was agreed. */
  readonly interestMinor: number;
  /** Interest on the declining principal for the plan's periods (0 unless asked for). */
  readonly planInterestMinor: number;
  /** The yearly rate the plan's own interest runs at, in basis points (the statutory rate on the agreement day). */
  readonly planRateBp: number;
  /** False when the invoices are not in the law's currency: the statutes' interest is not computed then. */
  readonly interestAvailable: boolean;
  readonly totalMinor: number;
  readonly instalments: readonly Instalment[];
}

/**
 * Splits an amount into `count` parts that add up to it exactly: equal parts, the cents that do not divide
 * going one each to the first instalments (€1,000.00 in three is 333.34 + 333.33 + 333.33).
 */
export function splitEvenly(totalMinor: number, count: number): number[] {
  if (!Number.isSafeInteger(totalMinor) || !Number.isInteger(count) || count < 1) throw new RangeError(`Cannot split ${totalMinor} in ${count}`);
  const base = Math.floor(totalMinor / count);
  const remainder = totalMinor - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < remainder ? 1 : 0));
}

/**
 * A payment plan as a controller would propose it on the phone: the open amount of the chosen invoices,
 * with the statutory interest accrued so far when the law allows it (the claim ledger's figure, so the
 * letters and the plan agree to the cent), in instalments from the first due date on. Principal and the
 * interest so far are split evenly; with interest during the plan, each instalment also carries the
 * interest on the principal still unpaid since the previous one (simple interest, actual days / 365, at the
 * statutory rate on the agreement day), so instalments decline as the principal is paid off.
 */
export function proposePaymentPlan(input: PlanProposalInput): PlanProposal {
  const items = input.ledger.items.filter((item) => input.itemIds.includes(item.id) && item.kind === 'invoice' && item.openMinor > 0);
  if (items.length === 0) throw new RangeError('A payment plan needs at least one open invoice');
  const currency = items[0]!.currency;
  if (items.some((item) => item.currency !== currency)) throw new RangeError('A payment plan is in one currency');
  const principalMinor = items.reduce((sum, item) => sum + item.openMinor, 0);
  const interestAvailable = currency === JURISDICTION_CURRENCY[input.jurisdiction];
  const interestMinor = input.includeInterest && interestAvailable ? items.reduce((sum, item) => sum + statutoryInterestOnInvoice(item, input.ledger, input.jurisdiction, input.agreedOn, input.rates), 0) : 0;
  const planRateBp = statutoryInterestRule(input.jurisdiction, input.agreedOn, input.rates).rateOn(input.agreedOn).rateBp;
  const chargesPlanInterest = input.interestDuringPlan && interestAvailable;
  const principalParts = splitEvenly(principalMinor, input.count);
  const interestParts = splitEvenly(interestMinor, input.count);
  let unpaidPrincipal = principalMinor;
  let previous = input.agreedOn;
  const instalments = principalParts.map((principalPart, index): Instalment => {
    const dueOn = addMonths(input.firstDueOn, index * input.everyMonths);
    const periodInterestMinor = chargesPlanInterest ? periodInterest(unpaidPrincipal, planRateBp, daysBetween(previous, dueOn)) : 0;
    unpaidPrincipal -= principalPart;
    previous = dueOn;
    return { dueOn, amountMinor: principalPart + interestParts[index]! + periodInterestMinor };
  });
  const totalMinor = instalments.reduce((sum, instalment) => sum + instalment.amountMinor, 0);
  return { currency, principalMinor, interestMinor, planInterestMinor: totalMinor - principalMinor - interestMinor, planRateBp, interestAvailable, totalMinor, instalments };
}
