import type { ApiEnv } from './api-routes';
import { creditCheck, gradeOnlyRequest } from './buyer-checks';
import { badRequest } from './problem';
import { coverView, requestView } from './resource-views';
import type { SandboxResponse } from './route-table';

/**
 * A grade-only request or a credit check in the canonical dialect (insurer-apis.md §3.2: `POST /cover-requests`
 * with `type: GRADE_ONLY`, or `coverType: CREDIT_CHECK` and no amount): answered at once, 201, with the grade —
 * and for a credit check the request and the cover of the policy's amount (APPROVED) or none (REFUSED).
 */
export function buyerCheckAnswer(env: ApiEnv, policyId: string, body: Record<string, unknown>): SandboxResponse {
  if (typeof body.companyId !== 'string' || body.companyId === '') throw badRequest('invalid_body', 'Some fields are missing or malformed.', [{ code: 'required', detail: 'The insurer buyer id is required', source: { pointer: '/companyId' } }]);
  const kind = body.type === 'GRADE_ONLY' ? 'GRADE_ONLY' : 'CREDIT_CHECK';
  if (kind === 'CREDIT_CHECK' && body.requestedAmount !== undefined && body.requestedAmount !== null) {
    throw badRequest('invalid_body', 'A credit check is for the policy amount: send no requestedAmount.', [{ code: 'invalid', detail: 'Not allowed on a credit check', source: { pointer: '/requestedAmount' } }]);
  }
  const customerReference = typeof body.customerReference === 'string' && body.customerReference.trim() !== '' ? body.customerReference.slice(0, 500) : null;
  if (kind === 'GRADE_ONLY') {
    const { company } = gradeOnlyRequest(env.state, body.companyId);
    return { status: 201, body: { type: 'GRADE_ONLY', companyId: company.companyId, grade: { scale: '1-10', value: company.grade } } };
  }
  const result = creditCheck(env.state, { companyId: body.companyId, customerReference }, env.clock.nowIso());
  return { status: 201, body: { request: requestView(result.request, policyId), cover: coverView(result.cover, result.company.grade), grade: { scale: '1-10', value: result.company.grade } } };
}
