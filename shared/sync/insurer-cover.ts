import { z } from 'zod';
import { LIMIT_STATUSES, statusGivesCover, type CreditLimit, type LimitHistoryEntry, type LimitTranche } from '../domain/limits/credit-limit';
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

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant in one normal form, so that two insurer instants compare as text; '' when it is not one. */
const instantOf = (value: string | null | undefined): string => {
  if (value && CANONICAL_INSTANT.test(value)) return value;
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
};

/** When a stored cover was decided; records from before insurerDecidedAt was kept have only the day. */
const decidedAtOf = (limit: CreditLimit): string => limit.insurerDecidedAt ?? limit.decidedOn ?? '';

/** Whether `a` rather than `b` is the cover in force (see coverInForce). */
function outranks(a: CreditLimit, b: CreditLimit): boolean {
  const aCovers = statusGivesCover(a.status);
  if (aCovers !== statusGivesCover(b.status)) return aCovers;
  const aAt = decidedAtOf(a);
  const bAt = decidedAtOf(b);
  if (aAt !== bAt) return aAt > bAt;
  // The same instant: any fixed order, so that the answer does not depend on the order events arrived in.
  return (a.coverId ?? '') > (b.coverId ?? '');
}

/**
 * Which of a buyer's covers is in force. Insurers issue a new cover id when a cover is cancelled and
 * approved again, or the product changes; each id counts its own versions (insurer-apis.md §3.2 "version").
 * A cover that covers deliveries (approved, partly approved, reduced) beats one that does not, so a cancelled
 * or withdrawn cover never hides a newer approved one; among equals the later decision wins, so a late event
 * of a superseded cover cannot take over. With no cover in force, the latest decision (a refusal, a
 * withdrawal) is what the controller sees.
 */
export function coverInForce(covers: readonly CreditLimit[]): CreditLimit | undefined {
  let best: CreditLimit | undefined;
  for (const cover of covers) if (!best || outranks(cover, best)) best = cover;
  return best;
}

/** The history in date order: a late event of an older cover goes where it happened, not at the end. */
function withEntry(history: readonly LimitHistoryEntry[], entry: LimitHistoryEntry): LimitHistoryEntry[] {
  const at = history.findLastIndex((candidate) => candidate.on <= entry.on) + 1;
  return [...history.slice(0, at), entry, ...history.slice(at)];
}

/** One cover as a limit record, with the history given (no other covers). */
function limitOf(cover: InsurerCover, debtorId: string, history: readonly LimitHistoryEntry[], decidedAmountMinor: number): CreditLimit {
  const minor = (amount: string) => insurerAmountToMinor(amount, cover.currency);
  const decidedAt = instantOf(cover.decidedAt ?? cover.updatedAt);
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
    decidedOn: dateOf(cover.decidedAt ?? cover.updatedAt),
    history,
    insurerVersion: cover.version,
    ...(decidedAt !== '' && { insurerDecidedAt: decidedAt }),
  };
}

/**
 * The debtor's stored insurer limit after applying one of the insurer's covers: the insurer owns the
 * decision, so every decided field is taken from it. Versions are compared per cover id: a cover whose
 * version is not newer than the one applied before under the same id (a duplicate or late event) changes
 * nothing. The record is the cover in force (coverInForce); the buyer's other covers ride along in
 * `otherCovers`, and the history keeps each change of status or amount of every one of them.
 */
export function applyInsurerCover(previous: CreditLimit | undefined, cover: InsurerCover, debtorId: string): CreditLimit {
  const others = previous?.otherCovers ?? [];
  // A stored limit without a cover id (made before Kredo knew it) is the same limit under an id it lacked.
  const sameAsPrevious = previous !== undefined && (previous.coverId === cover.coverId || previous.coverId === undefined);
  const before = sameAsPrevious ? previous : others.find((limit) => limit.coverId === cover.coverId);
  if (before?.insurerVersion !== undefined && cover.version <= before.insurerVersion) return previous!;
  const amountMinor = insurerAmountToMinor(cover.decidedAmount, cover.currency);
  const changed = !before || before.status !== cover.status || before.decidedAmountMinor !== amountMinor;
  const history = changed ? withEntry(previous?.history ?? [], { on: dateOf(cover.updatedAt), status: cover.status, amountMinor, note: 'insurer' }) : (previous?.history ?? []);
  // Nearly always the buyer's one cover: no choice to make (a full resync applies tens of thousands).
  if (others.length === 0 && (previous === undefined || sameAsPrevious)) return limitOf(cover, debtorId, history, amountMinor);
  const next = limitOf(cover, debtorId, [], amountMinor);
  const { otherCovers: _others, ...current } = previous!;
  const covers = [sameAsPrevious ? next : { ...current, history: [] }, ...others.map((limit) => (limit === before ? next : limit))];
  if (!before) covers.push(next);
  const chosen = coverInForce(covers)!;
  const rest = covers.filter((candidate) => candidate !== chosen);
  return { ...chosen, history, ...(rest.length > 0 && { otherCovers: rest }) };
}
