import { minorUnitDigits } from '../../shared/money/money';
import { activeCoverOf, applyDecision } from './cover-decisions';
import { receiveRequest, refuseWhilePending } from './cover-requests';
import { creditCheckDecision } from './decision-engine';
import { conflict, notFound } from './problem';
import type { SandboxCompany, SandboxCover, SandboxCoverRequest, SandboxState } from './sandbox-state';

/**
 * The requests about a prospective buyer besides a limit (issue 18 item 3, shared/sync/check-request.ts), decided
 * by the same engine as a limit in every dialect: a grade-only request (Allianz Trade's `GradeCover`) and a
 * credit check (Atradius's, a cover of the policy's fixed amount answered at once).
 */

/** The policy's credit-check amount, in whole currency units: one Atradius client's policy capped credit checks at EUR 7,000 (insurer-apis.md §1.2.2). */
export const CREDIT_CHECK_UNITS = 7_000;

/** A grade-only job's id names its buyer, so the job and its grade resource need no state of their own. */
export const GRADE_JOB_PREFIX = 'GRADE-';
export function companyOfGradeJob(state: SandboxState, jobId: string): SandboxCompany | undefined {
  if (!jobId.startsWith(GRADE_JOB_PREFIX)) return undefined;
  const companyId = jobId.slice(GRADE_JOB_PREFIX.length).replace(/-\d+$/, '');
  return state.companies.find((company) => company.companyId === companyId);
}

function companyOf(state: SandboxState, companyId: string): SandboxCompany {
  const company = state.companies.find((candidate) => candidate.companyId === companyId);
  if (!company) throw notFound('unknown_company', `No buyer ${companyId} is known to the insurer.`);
  return company;
}

/** A grade-only request: the grade the insurer holds is the grade it gives (the sandbox's grades change only with GRADE_CHANGED). */
export function gradeOnlyRequest(state: SandboxState, companyId: string): { readonly company: SandboxCompany; readonly jobId: string } {
  const company = companyOf(state, companyId);
  const number = state.nextRequestNumber;
  state.nextRequestNumber += 1;
  return { company, jobId: `${GRADE_JOB_PREFIX}${company.companyId}-${number}` };
}

/** A credit check: the policy's amount decided at once on the buyer's grade, as a cover of that amount or a refusal. */
export function creditCheck(state: SandboxState, input: { readonly companyId: string; readonly customerReference: string | null }, at: string): { readonly company: SandboxCompany; readonly request: SandboxCoverRequest; readonly cover: SandboxCover } {
  const company = companyOf(state, input.companyId);
  // One open request or cover per buyer (Atradius: "Credit limit/credit check already exists for this buyer.").
  refuseWhilePending(state, company.companyId);
  const active = activeCoverOf(state, company.companyId);
  if (active) throw conflict('cover_already_exists', `Buyer ${company.companyId} already has cover ${active.coverId}.`);
  const number = state.nextRequestNumber;
  state.nextRequestNumber += 1;
  const minorPerUnit = 10 ** minorUnitDigits(state.policy.currency);
  const amountMinor = CREDIT_CHECK_UNITS * minorPerUnit;
  const latest = state.covers.findLast((cover) => cover.companyId === company.companyId);
  const request = receiveRequest(state, number, {
    companyId: company.companyId,
    coverId: latest?.coverId ?? `CV-${company.debtorId}`,
    type: 'NEW',
    coverType: 'CREDIT_CHECK',
    requestedAmountMinor: amountMinor,
    currency: state.policy.currency,
    creditTermsDays: null,
    comment: null,
    customerReference: input.customerReference,
  }, at);
  const decision = creditCheckDecision({ grade: company.grade, amountMinor, minorPerUnit, creditTermsDays: null, maxCreditPeriodDays: state.policy.maxCreditPeriodDays, hasComment: false });
  return { company, request, cover: applyDecision(state, request, decision, at)! };
}
