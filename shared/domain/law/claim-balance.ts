import type { CurrencyCode } from '../../money/money';
import { addDays, type IsoDate } from '../../time/iso-date';
import { accrueInterest, unpaidInterest, type AccrualState, type InterestPeriod } from './interest-accrual';
import type { ClaimComponent, ClaimPayment, InvoiceClaim } from './claim-ledger';
import { laterDate } from './law-calendar';
import type { ReferenceRateTable } from './reference-rates';
import { statutoryInterestRule } from './statutory-interest';

/** How one payment was split over the claim. */
export interface PaymentAllocation {
  readonly paymentId: string;
  readonly paidOn: IsoDate;
  readonly amountMinor: number;
  readonly toCostsMinor: number;
  readonly toInterestMinor: number;
  readonly toPrincipalMinor: number;
  /** More than was owed on the payment date: to be refunded or applied elsewhere. */
  readonly unallocatedMinor: number;
}

export interface ClaimBalance {
  readonly asOf: IsoDate;
  readonly currency: CurrencyCode;
  readonly principalMinor: number;
  /** Unpaid statutory interest up to and including `asOf`, capitalised interest included. */
  readonly interestMinor: number;
  readonly costsMinor: number;
  readonly totalMinor: number;
  /** Money received beyond what was owed. */
  readonly unallocatedMinor: number;
  /** Every interest period up to `asOf`; a payment on principal starts a new one the day after. */
  readonly periods: readonly InterestPeriod[];
  readonly allocations: readonly PaymentAllocation[];
  readonly isRateTableStale: boolean;
}

/**
 * The claim as it stands at the end of `asOf`, recomputed from its record. Payments are taken in date
 * order (same-day payments in booking order); interest up to and including a payment's date runs on the
 * base before it, so a payment on principal lowers the base from the day after. On its date a payment
 * goes to the claim's allocation order: the costs booked by then, the interest accrued by then (the
 * oldest first: capitalised before running interest), then the principal. Costs bear no interest here.
 * Payments and costs dated after `asOf` are left out.
 */
export function claimBalance(claim: InvoiceClaim, asOf: IsoDate, rates?: ReferenceRateTable): ClaimBalance {
  const rule = statutoryInterestRule(claim.jurisdiction, claim.defaultFrom, rates);
  const payments = claim.payments.filter((payment) => payment.paidOn <= asOf).sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  const periods: InterestPeriod[] = [];
  const allocations: PaymentAllocation[] = [];
  let state: AccrualState = { principalMinor: claim.principalMinor, capitalisedInterestMinor: 0, runningInterestMinor: 0 };
  let costsPaidMinor = 0;
  let unallocatedMinor = 0;
  let next = claim.defaultFrom;

  const accrueUntil = (until: IsoDate): void => {
    const accrual = accrueInterest(rule, state, next, until);
    state = accrual.state;
    periods.push(...accrual.periods);
    next = laterDate(next, addDays(until, 1));
  };

  for (const payment of payments) {
    accrueUntil(payment.paidOn);
    const costsOwed = bookedCosts(claim, payment.paidOn) - costsPaidMinor;
    const allocation = allocate(payment, claim.allocationOrder, costsOwed, state);
    costsPaidMinor += allocation.toCostsMinor;
    unallocatedMinor += allocation.unallocatedMinor;
    state = payOff(state, allocation);
    allocations.push(allocation);
  }
  accrueUntil(asOf);

  const interestMinor = unpaidInterest(state);
  const costsMinor = bookedCosts(claim, asOf) - costsPaidMinor;
  return {
    asOf,
    currency: claim.currency,
    principalMinor: state.principalMinor,
    interestMinor,
    costsMinor,
    totalMinor: state.principalMinor + interestMinor + costsMinor,
    unallocatedMinor,
    periods,
    allocations,
    isRateTableStale: periods.some((period) => period.isRateStale),
  };
}

function bookedCosts(claim: InvoiceClaim, onOrBefore: IsoDate): number {
  return claim.costs.filter((cost) => cost.bookedOn <= onOrBefore).reduce((sum, cost) => sum + cost.amountMinor, 0);
}

function allocate(payment: ClaimPayment, order: readonly ClaimComponent[], costsOwed: number, state: AccrualState): PaymentAllocation {
  const owed: Record<ClaimComponent, number> = { costs: costsOwed, interest: unpaidInterest(state), principal: state.principalMinor };
  const paid: Record<ClaimComponent, number> = { costs: 0, interest: 0, principal: 0 };
  let left = payment.amountMinor;
  for (const component of order) {
    paid[component] = Math.min(left, owed[component]);
    left -= paid[component];
  }
  return {
    paymentId: payment.paymentId,
    paidOn: payment.paidOn,
    amountMinor: payment.amountMinor,
    toCostsMinor: paid.costs,
    toInterestMinor: paid.interest,
    toPrincipalMinor: paid.principal,
    unallocatedMinor: left,
  };
}

/** Takes a payment's interest share from the capitalised interest first: it is the older debt. */
function payOff(state: AccrualState, allocation: PaymentAllocation): AccrualState {
  const fromCapitalised = Math.min(allocation.toInterestMinor, state.capitalisedInterestMinor);
  return {
    principalMinor: state.principalMinor - allocation.toPrincipalMinor,
    capitalisedInterestMinor: state.capitalisedInterestMinor - fromCapitalised,
    runningInterestMinor: state.runningInterestMinor - (allocation.toInterestMinor - fromCapitalised),
  };
}
