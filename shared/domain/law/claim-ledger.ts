import { isCurrencyCode, type CurrencyCode } from '../../money/money';
import { isIsoDate, type IsoDate } from '../../time/iso-date';
import { isLawJurisdiction, type LawJurisdiction } from './jurisdiction';

/**
 * The claim on one late invoice, as a record of what happened: the principal, the costs booked and the
 * payments received. Principal, interest and costs are kept apart, and the balance (claim-balance.ts) is
 * always recomputed from this record, so interest is never silently lost in a rounded total and a
 * payment can be re-allocated if the order changes. Every change returns a new claim; the old one is
 * untouched.
 */

/** The parts of a claim a payment can go to. */
export type ClaimComponent = 'costs' | 'interest' | 'principal';

/**
 * Art. 6:44 BW: a payment goes first to the costs, then to the interest, then to the principal. Kredo
 * uses the same order for SE, GB and the EU (none of them sets another default) unless told otherwise.
 */
export const STATUTORY_ALLOCATION_ORDER: readonly ClaimComponent[] = ['costs', 'interest', 'principal'];

export interface ClaimCost {
  /** Idempotency key, such as `${invoiceId}:wik`: booking the same key again changes nothing. */
  readonly key: string;
  /** What it is, for the letter (for example a `CollectionCostKind`). */
  readonly kind: string;
  readonly amountMinor: number;
  readonly bookedOn: IsoDate;
}

export interface ClaimPayment {
  /** Idempotency key, such as the bank line's reference: booking it again changes nothing. */
  readonly paymentId: string;
  readonly paidOn: IsoDate;
  readonly amountMinor: number;
}

export interface InvoiceClaim {
  readonly invoiceId: string;
  readonly jurisdiction: LawJurisdiction;
  readonly currency: CurrencyCode;
  /** The principal when the claim was opened. */
  readonly principalMinor: number;
  /** The first day interest runs: the day after the due date. */
  readonly defaultFrom: IsoDate;
  readonly allocationOrder: readonly ClaimComponent[];
  readonly costs: readonly ClaimCost[];
  readonly payments: readonly ClaimPayment[];
}

export interface OpenClaimInput {
  readonly invoiceId: string;
  readonly jurisdiction: LawJurisdiction;
  readonly currency: CurrencyCode;
  readonly principalMinor: number;
  readonly defaultFrom: IsoDate;
  /** Defaults to costs → interest → principal (art. 6:44 BW). */
  readonly allocationOrder?: readonly ClaimComponent[];
}

/** The idempotency key of a cost on an invoice: `${invoiceId}:${kind}`, e.g. `INV-1:wik`. */
export function claimCostKey(invoiceId: string, kind: string): string {
  return `${invoiceId}:${kind}`;
}

export function openClaim(input: OpenClaimInput): InvoiceClaim {
  if (input.invoiceId.length === 0) throw new RangeError('A claim needs an invoice id');
  if (!isLawJurisdiction(input.jurisdiction)) throw new RangeError(`Unknown jurisdiction: ${String(input.jurisdiction)}`);
  if (!isCurrencyCode(input.currency)) throw new RangeError(`Unknown currency code: ${input.currency}`);
  assertAmount(input.principalMinor, 'The principal');
  assertDate(input.defaultFrom);
  const allocationOrder = input.allocationOrder ?? STATUTORY_ALLOCATION_ORDER;
  assertAllocationOrder(allocationOrder);
  return { ...input, allocationOrder, costs: [], payments: [] };
}

/**
 * Books a cost once: a cost whose key is already on the claim leaves the claim as it is (the first
 * booking stands), however often the dunning run offers it.
 */
export function addClaimCost(claim: InvoiceClaim, cost: ClaimCost): InvoiceClaim {
  if (claim.costs.some((booked) => booked.key === cost.key)) return claim;
  if (cost.key.length === 0) throw new RangeError('A cost needs a key');
  assertAmount(cost.amountMinor, 'A cost');
  assertDate(cost.bookedOn);
  return { ...claim, costs: [...claim.costs, cost] };
}

/** Books a payment once: a payment whose id is already on the claim leaves the claim as it is. */
export function bookClaimPayment(claim: InvoiceClaim, payment: ClaimPayment): InvoiceClaim {
  if (claim.payments.some((booked) => booked.paymentId === payment.paymentId)) return claim;
  if (payment.paymentId.length === 0) throw new RangeError('A payment needs an id');
  assertAmount(payment.amountMinor, 'A payment');
  if (payment.amountMinor === 0) throw new RangeError('A payment must be more than nothing');
  assertDate(payment.paidOn);
  return { ...claim, payments: [...claim.payments, payment] };
}

/** Changes the order later balances allocate payments in (for example a contract's own order). */
export function withAllocationOrder(claim: InvoiceClaim, allocationOrder: readonly ClaimComponent[]): InvoiceClaim {
  assertAllocationOrder(allocationOrder);
  return { ...claim, allocationOrder };
}

function assertAllocationOrder(order: readonly ClaimComponent[]): void {
  const complete = order.length === 3 && STATUTORY_ALLOCATION_ORDER.every((component) => order.includes(component));
  if (!complete) throw new RangeError('An allocation order names costs, interest and principal, each once');
}

function assertAmount(amountMinor: number, what: string): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError(`${what} must be whole, non-negative minor units`);
}

function assertDate(date: IsoDate): void {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${String(date)}`);
}
