import { parseAmount } from '../../shared/import/parse-amount';
import { minorUnitDigits, toDecimalString } from '../../shared/money/money';
import { appendEvent } from './change-feed';
import { activeCoverOf, applyDecision, cancelCover } from './cover-decisions';
import { automaticDecision, type DecisionInput } from './decision-engine';
import { badRequest, conflict, notFound, unprocessable, type ProblemFieldError } from './problem';
import { requestView } from './resource-views';
import { COVER_REQUEST_TYPES, type CoverRequestType, type SandboxCover, type SandboxCoverRequest, type SandboxState } from './sandbox-state';

/**
 * Limit applications (POST /cover-requests, insurer-apis.md §3.2): checked against the business rules,
 * then decided by the automatic engine (201) or referred to an underwriter (202). Only one request per
 * buyer may be open at a time, as at Allianz and Atradius.
 */
export interface CoverRequestInput {
  readonly companyId: string;
  readonly type: CoverRequestType;
  readonly amountMinor: number | null;
  readonly currency: string;
  readonly creditTermsDays: number | null;
  readonly comment: string | null;
  readonly customerReference: string | null;
}

const DECIMAL = /^\d{1,13}(\.\d{1,4})?$/;
const field = (pointer: string, code: string, detail: string): ProblemFieldError => ({ code, detail, source: { pointer } });
const optionalText = (value: unknown, pointer: string, errors: ProblemFieldError[]): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.length <= 500) return value.trim() === '' ? null : value;
  errors.push(field(pointer, 'invalid_text', 'Must be a string of at most 500 characters'));
  return null;
};

/** Checks the body's form (400) and the amount rules (422): positive, whole thousands, within the policy maximum. */
export function parseCoverRequest(body: unknown, state: SandboxState): CoverRequestInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('invalid_body', 'The body must be a JSON object.');
  const input = body as Record<string, unknown>;
  const errors: ProblemFieldError[] = [];
  if (typeof input.companyId !== 'string' || input.companyId === '') errors.push(field('/companyId', 'required', 'The insurer buyer id is required'));
  const type = input.type ?? 'NEW';
  if (!COVER_REQUEST_TYPES.includes(type as CoverRequestType)) errors.push(field('/type', 'invalid_type', `One of ${COVER_REQUEST_TYPES.join(', ')}`));
  const currency = input.currency ?? state.policy.currency;
  if (typeof currency !== 'string') errors.push(field('/currency', 'invalid_currency', 'An ISO 4217 code'));
  let creditTermsDays: number | null = null;
  if (input.creditTermsDays !== undefined && input.creditTermsDays !== null) {
    if (Number.isSafeInteger(input.creditTermsDays) && (input.creditTermsDays as number) > 0) creditTermsDays = input.creditTermsDays as number;
    else errors.push(field('/creditTermsDays', 'invalid_terms', 'A positive whole number of days'));
  }
  const comment = optionalText(input.comment, '/comment', errors);
  const customerReference = optionalText(input.customerReference, '/customerReference', errors);
  const amountText = input.requestedAmount;
  if (type !== 'CANCEL' && (typeof amountText !== 'string' || !DECIMAL.test(amountText))) {
    errors.push(field('/requestedAmount', 'invalid_amount', 'A decimal string such as "50000.00"'));
  }
  if (errors.length > 0) throw badRequest('invalid_body', 'Some fields are missing or malformed.', errors);

  if (currency !== state.policy.currency) throw unprocessable('currency_not_allowed', `This policy covers amounts in ${state.policy.currency} only.`, [field('/currency', 'currency_not_allowed', `Use ${state.policy.currency}`)]);
  let amountMinor: number | null = null;
  if (type !== 'CANCEL') {
    const digits = minorUnitDigits(state.policy.currency);
    const parsed = parseAmount(amountText as string, '.', digits);
    if (!parsed.ok) throw unprocessable('invalid_amount', 'The amount has more decimals than the currency allows.', [field('/requestedAmount', parsed.code, 'Not an amount in the policy currency')]);
    amountMinor = parsed.minor;
    const thousand = 1_000 * 10 ** digits;
    const maximum = state.policy.maxCoverPerBuyerMinor;
    if (amountMinor <= 0) throw unprocessable('amount_not_positive', 'The amount must be more than zero.', [field('/requestedAmount', 'amount_not_positive', 'Must be positive')]);
    if (amountMinor % thousand !== 0) throw unprocessable('amount_not_multiple_of_1000', 'Limits are decided in whole thousands.', [field('/requestedAmount', 'amount_not_multiple_of_1000', 'Must be a multiple of 1000')]);
    if (amountMinor > maximum) {
      const max = toDecimalString({ amountMinor: maximum, currency: state.policy.currency });
      throw unprocessable('amount_above_policy_maximum', `This policy covers at most ${max} ${state.policy.currency} per buyer.`, [field('/requestedAmount', 'amount_above_policy_maximum', `At most ${max}`)]);
    }
  }
  return { companyId: input.companyId as string, type: type as CoverRequestType, amountMinor, currency: currency as string, creditTermsDays, comment, customerReference };
}

function decisionInput(state: SandboxState, grade: number, input: { amountMinor: number | null; creditTermsDays: number | null; comment: string | null }): DecisionInput {
  return {
    grade,
    amountMinor: input.amountMinor ?? 0,
    minorPerUnit: 10 ** minorUnitDigits(state.policy.currency),
    creditTermsDays: input.creditTermsDays,
    maxCreditPeriodDays: state.policy.maxCreditPeriodDays,
    hasComment: input.comment !== null,
  };
}

export function gradeOf(state: SandboxState, companyId: string): number {
  return state.companies.find((company) => company.companyId === companyId)?.grade ?? 10;
}

/** Re-creates the decision input of a stored request, for the underwriter who decides it later. */
export function referredDecisionInput(state: SandboxState, request: SandboxCoverRequest): DecisionInput {
  return decisionInput(state, gradeOf(state, request.companyId), { amountMinor: request.requestedAmountMinor, creditTermsDays: request.creditTermsDays, comment: request.comment });
}

/** The checks that depend on the buyer's current cover, then the decision or the referral. */
function checkAgainstCover(input: CoverRequestInput, active: SandboxCover | undefined, currencyText: string) {
  if (input.type === 'NEW' && active) throw conflict('cover_already_exists', `Buyer ${input.companyId} already has cover ${active.coverId}; request an INCREASE or REDUCE instead.`);
  if (input.type !== 'NEW' && !active) throw conflict('no_cover_in_force', `Buyer ${input.companyId} has no cover in force to ${input.type.toLowerCase()}.`);
  if (input.type === 'INCREASE' && active && (input.amountMinor ?? 0) <= active.decidedAmountMinor) throw unprocessable('amount_not_an_increase', `An increase must be more than the current ${currencyText}.`, [field('/requestedAmount', 'amount_not_an_increase', 'Must exceed the current cover')]);
  if (input.type === 'REDUCE' && active && (input.amountMinor ?? 0) >= active.decidedAmountMinor) throw unprocessable('amount_not_a_reduction', `A reduction must be less than the current ${currencyText}.`, [field('/requestedAmount', 'amount_not_a_reduction', 'Must be below the current cover')]);
}

export type SubmitResult = { readonly decided: true; readonly request: SandboxCoverRequest; readonly cover: SandboxCover } | { readonly decided: false; readonly request: SandboxCoverRequest };

/** One open request per buyer at a time, as at Allianz and Atradius ("Credit limit/credit check already exists"). */
export function refuseWhilePending(state: SandboxState, companyId: string): void {
  const open = state.requests.find((request) => request.companyId === companyId && request.status === 'PENDING');
  if (open) throw conflict('request_already_pending', `Request ${open.requestId} for this buyer is still pending; withdraw it or wait for the decision.`);
}

type RequestFields = Omit<SandboxCoverRequest, 'requestId' | 'jobId' | 'status' | 'receivedAt' | 'decideAt' | 'decidedAt' | 'outcome'>;

/** Files a request under its number, pending, and tells the change feed it was received. */
export function receiveRequest(state: SandboxState, number: number, fields: RequestFields, at: string): SandboxCoverRequest {
  const request: SandboxCoverRequest = {
    requestId: `REQ-${String(number).padStart(6, '0')}`,
    jobId: `JOB-${String(number).padStart(6, '0')}`,
    ...fields,
    status: 'PENDING',
    receivedAt: at,
    decideAt: null,
    decidedAt: null,
    outcome: null,
  };
  state.requests.push(request);
  appendEvent(state, { occurredAt: at, type: 'REQUEST_RECEIVED', resourceType: 'cover-request', resourceId: request.requestId, companyId: request.companyId, data: { request: requestView(request, state.policy.id) } });
  return request;
}

/**
 * `reissueCover` (the sandbox fault of the same name): a decision goes under a new cover id, cancelling the
 * buyer's cover in force (cover-decisions.ts), as insurers do on a re-approval or a change of product.
 */
export function submitCoverRequest(state: SandboxState, input: CoverRequestInput, at: string, options: { readonly reissueCover?: boolean } = {}): SubmitResult {
  const company = state.companies.find((candidate) => candidate.companyId === input.companyId);
  if (!company) throw notFound('unknown_company', `No buyer ${input.companyId} is known to the insurer.`);
  refuseWhilePending(state, company.companyId);
  const active = activeCoverOf(state, company.companyId);
  checkAgainstCover(input, active, active ? `${toDecimalString({ amountMinor: active.decidedAmountMinor, currency: active.currency })} ${active.currency}` : '');

  const number = state.nextRequestNumber;
  state.nextRequestNumber += 1;
  // The cover in force, else the buyer's latest: a buyer may have had several cover ids (reissueCover).
  const existingCover = active ?? state.covers.findLast((cover) => cover.companyId === company.companyId);
  const reissued = options.reissueCover === true && input.type !== 'CANCEL' && existingCover !== undefined;
  const request = receiveRequest(state, number, {
    companyId: company.companyId,
    coverId: reissued ? `CV-${company.debtorId}-R${number}` : existingCover?.coverId ?? `CV-${company.debtorId}`,
    type: input.type,
    requestedAmountMinor: input.amountMinor,
    currency: input.currency,
    creditTermsDays: input.creditTermsDays,
    comment: input.comment,
    customerReference: input.customerReference,
  }, at);

  if (input.type === 'CANCEL') return { decided: true, request, cover: cancelCover(state, request, active!, at) };
  // The insured may always lower its own cover.
  const decision = input.type === 'REDUCE'
    ? { kind: 'decided' as const, status: 'APPROVED' as const, permanentMinor: input.amountMinor!, temporaryMinor: 0, conditions: [], reasons: [] }
    : automaticDecision(decisionInput(state, company.grade, input));
  if (decision.kind === 'referred') {
    request.decideAt = new Date(Date.parse(at) + state.settings.referralHours * 3_600_000).toISOString();
    appendEvent(state, { occurredAt: at, type: 'REQUEST_REFERRED', resourceType: 'cover-request', resourceId: request.requestId, companyId: company.companyId, data: { request: requestView(request, state.policy.id), expectedDecisionBy: request.decideAt } });
    return { decided: false, request };
  }
  return { decided: true, request, cover: applyDecision(state, request, decision, at)! };
}

/** The insured withdraws a request still waiting for an underwriter (DELETE → 204). */
export function withdrawCoverRequest(state: SandboxState, requestId: string, at: string): void {
  const request = state.requests.find((candidate) => candidate.requestId === requestId);
  if (!request) throw notFound('unknown_request', `No cover request ${requestId}.`);
  if (request.status !== 'PENDING') throw conflict('request_not_pending', `Request ${requestId} is ${request.status.toLowerCase()} and can no longer be withdrawn.`);
  request.status = 'WITHDRAWN';
  request.decideAt = null;
  request.decidedAt = at;
  appendEvent(state, { occurredAt: at, type: 'REQUEST_WITHDRAWN', resourceType: 'cover-request', resourceId: request.requestId, companyId: request.companyId, data: { request: requestView(request, state.policy.id) } });
}
