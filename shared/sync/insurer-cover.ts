import { z } from 'zod';
import { LIMIT_STATUSES, type CreditLimit, type LimitTranche } from '../domain/limits/credit-limit';
import { parseAmount } from '../import/parse-amount';
import { isCurrencyCode, minorUnitDigits } from '../money/money';
import { isIsoDate, type IsoDate } from '../time/iso-date';

/**
 * A cover (limit decision in force) as the insurer's API sends it, in the canonical shape of
 * insurer-apis.md §3.2: amounts as decimal strings with a currency, business dates as YYYY-MM-DD,
 * instants as ISO 8601. Anything else is refused before it can touch a stored limit.
 */
const decimal = z.string().regex(/^-?\d{1,15}(\.\d{1,4})?$/);
const businessDate = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');
const codedText = z.object({ code: z.string().max(40), description: z.string().max(500) });

export const insurerCoverSchema = z.object({
  coverId: z.string().min(1).max(100),
  companyId: z.string().min(1).max(100),
  customerReference: z.string().max(100).nullish(),
  status: z.enum(LIMIT_STATUSES),
  requestedAmount: decimal.nullish(),
  decidedAmount: decimal,
  currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 code'),
  tranches: z.array(z.object({ amount: decimal, effectiveFrom: businessDate, expiresAt: businessDate.nullish(), kind: z.enum(['permanent', 'temporary']) })).max(20),
  conditions: z.array(codedText).max(50),
  reasons: z.array(codedText).max(50),
  pendingChange: z.object({ type: z.enum(['REDUCTION', 'WITHDRAWAL']), newAmount: decimal, effectiveFrom: businessDate, noticeGivenAt: z.string() }).nullish(),
  decidedAt: z.string().nullish(),
  updatedAt: z.string(),
  version: z.number().int().nonnegative(),
});
export type InsurerCover = z.infer<typeof insurerCoverSchema>;

/** An insurer amount in whole minor units, read digit by digit (never through a float). */
export function insurerAmountToMinor(amount: string, currency: string): number {
  const parsed = parseAmount(amount, '.', minorUnitDigits(currency));
  if (!parsed.ok) throw new RangeError(`Not an amount in ${currency}: ${amount}`);
  return parsed.minor;
}

const dateOf = (instant: string): IsoDate => instant.slice(0, 10) as IsoDate;

/**
 * The stored limit after applying an insurer's cover: the insurer owns the decision, so every decided field
 * is taken from it; the history keeps each change of status or amount. A cover whose version is not newer
 * than the one applied before (a duplicate or late event) changes nothing.
 */
export function applyInsurerCover(previous: CreditLimit | undefined, cover: InsurerCover, debtorId: string): CreditLimit {
  if (previous?.insurerVersion !== undefined && cover.version <= previous.insurerVersion) return previous;
  const minor = (amount: string) => insurerAmountToMinor(amount, cover.currency);
  const decidedAmountMinor = minor(cover.decidedAmount);
  const changed = !previous || previous.status !== cover.status || previous.decidedAmountMinor !== decidedAmountMinor;
  const on = dateOf(cover.decidedAt ?? cover.updatedAt);
  const history = changed ? [...(previous?.history ?? []), { on: dateOf(cover.updatedAt), status: cover.status, amountMinor: decidedAmountMinor, note: 'insurer' }] : (previous?.history ?? []);
  return {
    debtorId,
    source: 'insurer',
    coverId: cover.coverId,
    status: cover.status,
    currency: cover.currency,
    ...(cover.requestedAmount ? { requestedAmountMinor: minor(cover.requestedAmount) } : {}),
    decidedAmountMinor,
    tranches: cover.tranches.map((tranche): LimitTranche => ({ amountMinor: minor(tranche.amount), effectiveFrom: tranche.effectiveFrom, ...(tranche.expiresAt ? { expiresOn: tranche.expiresAt } : {}), kind: tranche.kind })),
    conditions: cover.conditions,
    reasons: cover.reasons,
    ...(cover.pendingChange ? { pendingChange: { type: cover.pendingChange.type, newAmountMinor: minor(cover.pendingChange.newAmount), effectiveFrom: cover.pendingChange.effectiveFrom, noticeGivenOn: dateOf(cover.pendingChange.noticeGivenAt) } } : {}),
    decidedOn: on,
    history,
    insurerVersion: cover.version,
  };
}
