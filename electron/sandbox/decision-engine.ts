import type { CodedText } from '../../shared/domain/limits/credit-limit';

/**
 * How the sandbox insurer decides a limit request (insurer-apis.md §3.4 "decision engine"). Pure, and
 * in integer minor units throughout. The automatic engine answers at once when the buyer's grade and the
 * amount are within its appetite; anything larger, with a comment, or with terms beyond the policy goes
 * to an underwriter, who decides later (a 202 now, a DECISION_ISSUED event on the feed after).
 */
export interface DecisionInput {
  /** The buyer's insurer grade, 1 (best) to 10 (default). */
  readonly grade: number;
  /** The total cover asked for, in minor units of the policy currency. */
  readonly amountMinor: number;
  /** Minor units in one whole currency unit (100 for EUR). */
  readonly minorPerUnit: number;
  readonly creditTermsDays: number | null;
  readonly maxCreditPeriodDays: number;
  readonly hasComment: boolean;
}

export interface Decided {
  readonly kind: 'decided';
  readonly status: 'APPROVED' | 'PARTIALLY_APPROVED' | 'REFUSED';
  readonly permanentMinor: number;
  /** A temporary tranche on top of the permanent part; the caller dates it. */
  readonly temporaryMinor: number;
  readonly conditions: readonly CodedText[];
  readonly reasons: readonly CodedText[];
}

export type Decision = Decided | { readonly kind: 'referred' };

/** Insurers decide in whole thousands. */
const thousand = (minorPerUnit: number) => 1_000 * minorPerUnit;

export function floorToThousand(amountMinor: number, minorPerUnit: number): number {
  const step = thousand(minorPerUnit);
  return Math.floor(amountMinor / step) * step;
}

/** The largest amount the automatic engine grants for a grade, in whole currency units. */
const AUTO_LIMIT_UNITS: Readonly<Record<number, number>> = { 1: 500_000, 2: 500_000, 3: 250_000, 4: 250_000, 5: 100_000, 6: 100_000, 7: 50_000, 8: 50_000, 9: 0, 10: 0 };

export function autoLimitMinor(grade: number, minorPerUnit: number): number {
  return (AUTO_LIMIT_UNITS[grade] ?? 0) * minorPerUnit;
}

const REFUSED_GRADE: CodedText = { code: 'GRADE', description: 'Buyer grade too weak: no cover available' };
const PARTIAL_GRADE: CodedText = { code: 'GRADE_PARTIAL', description: 'Buyer grade allows part of the amount requested' };
const ABOVE_APPETITE: CodedText = { code: 'AMOUNT_ABOVE_APPETITE', description: 'Amount above what the insurer will cover on this buyer' };
const TERMS_TOO_LONG: CodedText = { code: 'TERMS', description: 'Credit terms longer than the policy allows' };
const TEMPORARY: CodedText = { code: 'TEMP', description: 'Part of the cover is temporary and lapses on its expiry date' };

const refused = (reason: CodedText): Decided => ({ kind: 'decided', status: 'REFUSED', permanentMinor: 0, temporaryMinor: 0, conditions: [], reasons: [reason] });
const approved = (amountMinor: number): Decided => ({ kind: 'decided', status: 'APPROVED', permanentMinor: amountMinor, temporaryMinor: 0, conditions: [], reasons: [] });

/** Half of the amount for grades 7–8, never below one thousand. */
function gradePartial(amountMinor: number, minorPerUnit: number): Decided {
  const half = Math.max(thousand(minorPerUnit), floorToThousand(Math.floor(amountMinor / 2), minorPerUnit));
  return { kind: 'decided', status: 'PARTIALLY_APPROVED', permanentMinor: Math.min(half, amountMinor), temporaryMinor: 0, conditions: [], reasons: [PARTIAL_GRADE] };
}

/** The automatic engine: decides at once, or refers the request to an underwriter. */
export function automaticDecision(input: DecisionInput): Decision {
  if (input.grade >= 9) return refused(REFUSED_GRADE);
  const termsTooLong = input.creditTermsDays !== null && input.creditTermsDays > input.maxCreditPeriodDays;
  if (input.hasComment || termsTooLong || input.amountMinor > autoLimitMinor(input.grade, input.minorPerUnit)) return { kind: 'referred' };
  if (input.grade >= 7) return gradePartial(input.amountMinor, input.minorPerUnit);
  return approved(input.amountMinor);
}

/**
 * An underwriter's decision on a referred request: up to twice the automatic appetite; above it a partial
 * decision, for the best grades with a temporary tranche on top (a seasonal peak the insurer will carry
 * for a while).
 */
export function underwriterDecision(input: DecisionInput): Decided {
  if (input.grade >= 9) return refused(REFUSED_GRADE);
  if (input.creditTermsDays !== null && input.creditTermsDays > input.maxCreditPeriodDays) return refused(TERMS_TOO_LONG);
  const appetite = 2 * autoLimitMinor(input.grade, input.minorPerUnit);
  if (input.grade >= 7) return gradePartial(Math.min(input.amountMinor, appetite), input.minorPerUnit);
  if (input.amountMinor <= appetite) return approved(input.amountMinor);
  const temporaryMinor = input.grade <= 4 ? Math.min(input.amountMinor - appetite, floorToThousand(Math.floor(appetite / 2), input.minorPerUnit)) : 0;
  return {
    kind: 'decided',
    status: 'PARTIALLY_APPROVED',
    permanentMinor: appetite,
    temporaryMinor,
    conditions: temporaryMinor > 0 ? [TEMPORARY] : [],
    reasons: [ABOVE_APPETITE],
  };
}

const CHECK_NEGATIVE: CodedText = { code: 'CREDIT_CHECK', description: 'Credit check negative: no cover of the policy amount on this buyer' };

/**
 * A credit check (Atradius's "review / credit check", insurer-apis.md §1.2.1): the policy's fixed amount, with an
 * immediate positive or negative answer — never referred, never partial. Positive exactly when the automatic
 * engine would approve that amount in full on this grade.
 */
export function creditCheckDecision(input: DecisionInput): Decided {
  const automatic = automaticDecision({ ...input, hasComment: false });
  return automatic.kind === 'decided' && automatic.status === 'APPROVED' ? automatic : refused(CHECK_NEGATIVE);
}
