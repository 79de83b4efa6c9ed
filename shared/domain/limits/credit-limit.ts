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
 * A debtor's credit limit. The insurer owns insurer limits (Kredo only mirrors them); a discretionary limit
 * is one the controller sets within the policy's self-assessment ceiling.
 */
export interface CreditLimit {
  readonly debtorId: string;
  readonly source: 'insurer' | 'discretionary';
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

/**
 * The limit that counts for a debtor: the insurer's decision where there is one (a zero decision also ends
 * any discretionary limit, as insurers' policies state), otherwise the discretionary limit.
 */
export function effectiveLimitOn(limits: readonly CreditLimit[], date: IsoDate): { amountMinor: number; source: CreditLimit['source'] | 'none' } {
  const insurer = limits.find((limit) => limit.source === 'insurer' && limit.status !== 'PENDING' && limit.status !== 'CANCELLED');
  if (insurer) return { amountMinor: limitInForceOn(insurer, date), source: 'insurer' };
  const discretionary = limits.find((limit) => limit.source === 'discretionary');
  if (discretionary) return { amountMinor: limitInForceOn(discretionary, date), source: 'discretionary' };
  return { amountMinor: 0, source: 'none' };
}

/** Where a debtor's limit stands, for lists and filters: the insurer decision's status, an own limit, or none. */
export type LimitState = LimitStatus | 'DISCRETIONARY' | 'NONE';

export function limitStateOf(limits: readonly CreditLimit[]): LimitState {
  const insurer = limits.find((limit) => limit.source === 'insurer');
  if (insurer) return insurer.status;
  return limits.some((limit) => limit.source === 'discretionary') ? 'DISCRETIONARY' : 'NONE';
}
