import type { CurrencyCode } from '../../money/money';
import { toDayNumber, type IsoDate } from '../../time/iso-date';

/**
 * Kredo's canonical limit statuses, mapped from each insurer's vocabulary (insurer-apis.md §2.2).
 * PENDING: requested, no decision yet. REFUSED: a zero decision. REDUCED: cut by the insurer after an
 * earlier decision. WITHDRAWN: revoked by the insurer. CANCELLED: given up by the insured. EXPIRED: the
 * decision's end date passed.
 */
export const LIMIT_STATUSES = ['PENDING', 'APPROVED', 'PARTIALLY_APPROVED', 'REFUSED', 'REDUCED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED'] as const;
export type LimitStatus = (typeof LIMIT_STATUSES)[number];

/** A decision can have a permanent part and temporary parts that lapse on their own date. */
export interface LimitTranche {
  readonly amountMinor: number;
  readonly effectiveFrom: IsoDate;
  readonly expiresOn?: IsoDate;
  readonly kind: 'permanent' | 'temporary';
}

/** An announced reduction or withdrawal: cover on new deliveries ends on `effectiveFrom`. */
export interface PendingLimitChange {
  readonly type: 'REDUCTION' | 'WITHDRAWAL';
  readonly newAmountMinor: number;
  readonly effectiveFrom: IsoDate;
  readonly noticeGivenOn: IsoDate;
}

export interface CodedText {
  readonly code: string;
  readonly description: string;
}

export interface LimitHistoryEntry {
  readonly on: IsoDate;
  readonly status: LimitStatus;
  readonly amountMinor: number;
  readonly note: string;
}

/**
 * Why the controller set an own limit, recorded with it: the note, when, and — for a discretionary limit —
 * which of the policy's conditions it rests on (insurer-apis.md §1.2.1 DCL: the insured's own payment
 * experience, or a credit report free of unfavourable information, valid for a set time from its date).
 */
export interface OwnLimitBasis {
  readonly note: string;
  readonly setOn: IsoDate;
  readonly condition?: 'paymentExperience' | 'creditReport';
  /** Own payment experience since this date (the first invoice), or the credit report's date. */
  readonly conditionDate?: IsoDate;
}

/** Who set a limit: the insurer; the controller within the policy's discretionary limit; the company alone. */
export const LIMIT_SOURCES = ['insurer', 'discretionary', 'internal'] as const;
export type LimitSource = (typeof LIMIT_SOURCES)[number];

/**
 * A debtor's credit limit. The insurer owns insurer limits (Kredo only mirrors them); a discretionary limit
 * is one the controller sets within the policy's self-assessment ceiling and is insured like the insurer's;
 * an internal limit is the company's own ceiling (above or without insurer cover) and insures nothing.
 */
export interface CreditLimit {
  readonly debtorId: string;
  readonly source: LimitSource;
  /** An own (discretionary or internal) limit's note, date and the policy condition it rests on. */
  readonly own?: OwnLimitBasis;
  readonly coverId?: string;
  readonly status: LimitStatus;
  readonly currency: CurrencyCode;
  readonly requestedAmountMinor?: number;
  readonly decidedAmountMinor: number;
  readonly tranches: readonly LimitTranche[];
  readonly conditions: readonly CodedText[];
  readonly reasons: readonly CodedText[];
  readonly pendingChange?: PendingLimitChange;
  readonly decidedOn?: IsoDate;
  readonly history: readonly LimitHistoryEntry[];
  /** The insurer's version of the cover last applied: an older or equal one arriving late is ignored. */
  readonly insurerVersion?: number;
  /**
   * When the insurer decided this cover (ISO 8601; when it changed, while undecided): of two covers for one
   * buyer, the later decision supersedes the earlier (shared/sync/insurer-cover.ts, coverInForce).
   */
  readonly insurerDecidedAt?: string;
  /**
   * The buyer's other covers at the insurer — a cover cancelled and re-issued under a new id, or an earlier
   * product — each as it last stood, with its own version (their history lives in this record's). Kept so
   * that a late event of one is compared with its own version, and so that it is in force again should the
   * newer cover end while it still stands.
   */
  readonly otherCovers?: readonly CreditLimit[];
}

const NO_COVER: ReadonlySet<LimitStatus> = new Set(['PENDING', 'REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED']);

/** Whether a decision in this status covers deliveries at all (approved, partly approved or reduced). */
export const statusGivesCover = (status: LimitStatus): boolean => !NO_COVER.has(status);

/**
 * The amount of cover in force on a date: the tranches that have started and not lapsed, capped by an
 * announced reduction or withdrawal once it takes effect.
 */
export function limitInForceOn(limit: CreditLimit, date: IsoDate): number {
  if (NO_COVER.has(limit.status)) return 0;
  const day = toDayNumber(date);
  let amount = 0;
  for (const tranche of limit.tranches) {
    const starts = toDayNumber(tranche.effectiveFrom);
    const ends = tranche.expiresOn === undefined ? Number.POSITIVE_INFINITY : toDayNumber(tranche.expiresOn);
    if (starts <= day && day <= ends) amount += tranche.amountMinor;
  }
  const change = limit.pendingChange;
  if (change && toDayNumber(change.effectiveFrom) <= day) amount = Math.min(amount, change.newAmountMinor);
  return amount;
}

/** The policy's bound on discretionary limits: an own limit counts only up to it, in the policy currency. */
export interface DiscretionaryBound {
  readonly discretionaryMaxMinor: number;
  readonly currency: CurrencyCode;
}

/** The insurer's decisions that give no cover and end any discretionary limit set before them (a zero decision). */
const ZERO_DECISIONS: ReadonlySet<LimitStatus> = new Set(['REFUSED', 'WITHDRAWN']);

const insurerLimitOf = (limits: readonly CreditLimit[]) => limits.find((limit) => limit.source === 'insurer');
const ownLimitOf = (limits: readonly CreditLimit[], source: 'discretionary' | 'internal') => limits.find((limit) => limit.source === source && statusGivesCover(limit.status));

/**
 * The limit that counts for insured exposure (README, "Own limits"): the insurer's decision in force; else
 * the discretionary limit, capped at the policy's bound; an internal limit never insures. Any insurer
 * decision in force replaces the discretionary limit, and a zero decision (refused, withdrawn) ends one set
 * before it (insurer-apis.md §1.2.1: "any Atradius decision, including a zero decision, replaces the DCL").
 * A request still pending, a cancelled or expired cover, or a decision whose start date has not come leave
 * the discretionary limit in force.
 */
export function effectiveLimitOn(limits: readonly CreditLimit[], date: IsoDate, bound?: DiscretionaryBound): { amountMinor: number; source: LimitSource | 'none' } {
  const insurer = insurerLimitOf(limits);
  if (insurer && statusGivesCover(insurer.status)) {
    const amountMinor = limitInForceOn(insurer, date);
    if (amountMinor > 0) return { amountMinor, source: 'insurer' };
  }
  const discretionary = ownLimitOf(limits, 'discretionary');
  const endedBy = insurer && ZERO_DECISIONS.has(insurer.status) ? insurer : undefined;
  const setAfterZero = discretionary && endedBy && (discretionary.decidedOn ?? '') > (endedBy.decidedOn ?? '');
  if (discretionary && (!endedBy || setAfterZero)) {
    const inForce = limitInForceOn(discretionary, date);
    const capped = bound ? (discretionary.currency === bound.currency ? Math.min(inForce, bound.discretionaryMaxMinor) : 0) : inForce;
    if (inForce > 0) return { amountMinor: capped, source: 'discretionary' };
  }
  if (endedBy || (insurer && statusGivesCover(insurer.status))) return { amountMinor: 0, source: 'insurer' };
  return { amountMinor: 0, source: 'none' };
}

/** The company's internal limit in force, if it set one: what the internal over-limit alert weighs exposure against. */
export function internalLimitOn(limits: readonly CreditLimit[], date: IsoDate): number | undefined {
  const internal = ownLimitOf(limits, 'internal');
  return internal ? limitInForceOn(internal, date) : undefined;
}

/** A limit decided that has not started yet: its first start date after `date` and the amount from then on. */
export interface UpcomingLimit {
  readonly amountMinor: number;
  readonly from: IsoDate;
  readonly source: LimitSource;
}

/**
 * The insurer's or the discretionary limit that nothing of is in force yet but will be: a decision with a
 * future start date is pending until that date, shown with its date and amount (never as a limit of 0).
 */
export function upcomingLimitOn(limits: readonly CreditLimit[], date: IsoDate): UpcomingLimit | undefined {
  for (const limit of [insurerLimitOf(limits), ownLimitOf(limits, 'discretionary')]) {
    if (!limit || !statusGivesCover(limit.status) || limitInForceOn(limit, date) > 0) continue;
    const starts = limit.tranches.map((tranche) => tranche.effectiveFrom).filter((from) => from > date).sort();
    const from = starts[0];
    if (from === undefined) continue;
    const amountMinor = limitInForceOn(limit, from);
    if (amountMinor > 0) return { amountMinor, from, source: limit.source };
  }
  return undefined;
}

/**
 * Where a debtor's limit stands, for lists and filters: the insurer decision's status, SCHEDULED for a
 * decision whose start date has not come, an own limit, or none.
 */
export type LimitState = LimitStatus | 'SCHEDULED' | 'DISCRETIONARY' | 'NONE';

export const LIMIT_STATES: readonly LimitState[] = [...LIMIT_STATUSES, 'SCHEDULED', 'DISCRETIONARY', 'NONE'];

export function limitStateOf(limits: readonly CreditLimit[], date?: IsoDate): LimitState {
  const insurer = insurerLimitOf(limits);
  const hasDiscretionary = ownLimitOf(limits, 'discretionary') !== undefined;
  if (insurer) {
    if (date !== undefined && statusGivesCover(insurer.status) && limitInForceOn(insurer, date) === 0 && upcomingLimitOn([insurer], date)) return 'SCHEDULED';
    return insurer.status;
  }
  if (hasDiscretionary) {
    const discretionary = ownLimitOf(limits, 'discretionary')!;
    if (date !== undefined && limitInForceOn(discretionary, date) === 0 && upcomingLimitOn([discretionary], date)) return 'SCHEDULED';
    return 'DISCRETIONARY';
  }
  return 'NONE';
}
