import { isCurrencyCode } from '../../money/money';
import { addDays, addMonths, isIsoDate, type IsoDate } from '../../time/iso-date';
import type { FieldError, Validated } from '../dunning/field-errors';
import type { InsurancePolicy } from '../policy/insurance-policy';
import { limitInForceOn, statusGivesCover, type CreditLimit, type OwnLimitBasis } from './credit-limit';

/**
 * An own limit as the controller enters it on the debtor page: a discretionary limit (within the policy's
 * discretionary limit, on one of the policy's conditions) or an internal limit (the company's own ceiling,
 * above or without insurer cover, with a note). The amount arrives already read from the user's notation
 * (undefined when it could not be read); everything else is checked here.
 */
export interface OwnLimitDraft {
  readonly kind: 'discretionary' | 'internal';
  readonly amountMinor: number | undefined;
  readonly currency: string;
  readonly effectiveFrom: string;
  readonly note: string;
  readonly condition?: 'paymentExperience' | 'creditReport' | '';
  readonly conditionDate?: string;
}

/**
 * The policy's conditions for a discretionary limit (insurer-apis.md §1.2.1, DCL; peer-features.md: Allianz's
 * self-check needs trading history within 12 months): own payment experience of at least so many months,
 * or a credit report free of unfavourable information not older than so many days (Atradius: 12 months).
 */
export interface DiscretionaryConditions {
  readonly paymentExperienceMonths: number;
  readonly creditReportMaxAgeDays: number;
}

/** What a policy that states no conditions is read as: the common ones (12 months, a report of the last year). */
export const COMMON_DISCRETIONARY_CONDITIONS: DiscretionaryConditions = { paymentExperienceMonths: 12, creditReportMaxAgeDays: 365 };

/** How long after a zero decision cover cannot be rebuilt under the discretionary limit (Atradius glossary). */
export const MONTHS_AFTER_ZERO_DECISION = 12;

export const OWN_LIMIT_NOTE_MAX = 500;

export type PolicyWithConditions = InsurancePolicy & { readonly discretionaryConditions?: DiscretionaryConditions };

export function discretionaryConditionsOf(policy: PolicyWithConditions): DiscretionaryConditions {
  return policy.discretionaryConditions ?? COMMON_DISCRETIONARY_CONDITIONS;
}

/**
 * Checks an own limit against the policy and the insurer's decision and makes the limit record, or says
 * what is wrong with each field (codes translated in locales/<lang>/debtor.json, ownLimit.errors). Bad
 * input changes nothing: the caller stores only a valid result.
 */
export function validateOwnLimit(
  draft: OwnLimitDraft,
  context: { readonly debtorId: string; readonly policy: PolicyWithConditions; readonly today: IsoDate; readonly limits: readonly CreditLimit[] },
): Validated<CreditLimit> {
  const { policy, today } = context;
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, params?: Record<string, unknown>) => errors.push({ field, code, message: `${field}: ${code}`, ...(params && { params }) });
  const amount = draft.amountMinor;
  if (amount === undefined || !Number.isSafeInteger(amount)) fail('amount', 'amountInvalid');
  else if (amount < 0) fail('amount', 'amountNegative');
  else if (amount === 0) fail('amount', 'amountZero');
  if (!isCurrencyCode(draft.currency)) fail('currency', 'currencyUnknown', { currency: draft.currency });
  // Summaries, alerts and the insurer's limits are in the policy currency: an own limit is too.
  else if (draft.currency !== policy.currency) fail('currency', 'currencyNotPolicy', { currency: policy.currency });
  if (!isIsoDate(draft.effectiveFrom)) fail('effectiveFrom', 'dateInvalid');
  else if (draft.effectiveFrom < today) fail('effectiveFrom', 'startInPast');
  const note = draft.note.trim();
  if (note.length === 0) fail('note', 'noteRequired');
  else if (note.length > OWN_LIMIT_NOTE_MAX) fail('note', 'noteTooLong', { maximum: OWN_LIMIT_NOTE_MAX });

  let basis: OwnLimitBasis = { note, setOn: today };
  if (draft.kind === 'discretionary') {
    const max = policy.discretionaryLimitMax.amountMinor;
    if (max <= 0) fail('amount', 'noDiscretionaryLimit');
    else if (amount !== undefined && amount > max) fail('amount', 'aboveDiscretionary', { maxMinor: max, currency: policy.currency });
    const conditions = discretionaryConditionsOf(policy);
    const date = draft.conditionDate ?? '';
    if (draft.condition !== 'paymentExperience' && draft.condition !== 'creditReport') fail('condition', 'conditionRequired');
    else if (!isIsoDate(date)) fail('conditionDate', 'dateInvalid');
    else if (date > today) fail('conditionDate', 'dateInFuture');
    else if (draft.condition === 'paymentExperience' && date > addMonths(today, -conditions.paymentExperienceMonths)) {
      fail('conditionDate', 'experienceTooShort', { months: conditions.paymentExperienceMonths });
    } else if (draft.condition === 'creditReport' && date < addDays(today, -conditions.creditReportMaxAgeDays)) {
      fail('conditionDate', 'reportTooOld', { days: conditions.creditReportMaxAgeDays });
    } else basis = { ...basis, condition: draft.condition, conditionDate: date };
    const insurer = context.limits.find((limit) => limit.source === 'insurer');
    if (insurer && statusGivesCover(insurer.status) && limitInForceOn(insurer, today) > 0) fail('kind', 'insurerLimitInForce');
    const zeroOn = insurer && (insurer.status === 'REFUSED' || insurer.status === 'WITHDRAWN') ? insurer.decidedOn : undefined;
    if (zeroOn !== undefined && today < addMonths(zeroOn, MONTHS_AFTER_ZERO_DECISION)) fail('kind', 'afterZeroDecision', { until: addMonths(zeroOn, MONTHS_AFTER_ZERO_DECISION) });
  }
  if (errors.length > 0) return { ok: false, errors };

  const previous = context.limits.find((limit) => limit.source === draft.kind);
  const amountMinor = amount!;
  const from = draft.effectiveFrom as IsoDate;
  return {
    ok: true,
    value: {
      debtorId: context.debtorId,
      source: draft.kind,
      status: 'APPROVED',
      currency: draft.currency,
      decidedAmountMinor: amountMinor,
      tranches: [{ amountMinor, effectiveFrom: from, kind: 'permanent' }],
      conditions: [],
      reasons: [],
      decidedOn: today,
      own: basis,
      history: [...(previous?.history ?? []), { on: today, status: 'APPROVED', amountMinor, note }],
    },
  };
}

/** Ends an own limit: kept with its history, as cancelled from today. */
export function endOwnLimit(limit: CreditLimit, today: IsoDate, note: string): CreditLimit {
  return { ...limit, status: 'CANCELLED', decidedOn: today, history: [...limit.history, { on: today, status: 'CANCELLED', amountMinor: 0, note }] };
}
