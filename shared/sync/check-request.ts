import { z } from 'zod';
import { buyerCheckSchema } from './buyer-check';

/**
 * The requests a controller can put to the insurer about a prospective buyer before trading, beside a limit
 * (issue 18 item 3; insurer-apis.md §1.1.5–1.1.7 and §1.2.1–1.2.2, §3.2 `type: GRADE_ONLY`, `coverType:
 * CREDIT_CHECK`):
 * - GRADE_ONLY: Allianz Trade's grade-only request (`requestTypeCode: "GradeCover"`): the insurer grades the
 *   buyer, 1 (exceptional) to 10 (at risk of failure), and covers nothing.
 * - CREDIT_CHECK: Atradius's credit check ("review / credit check"): a cover of a fixed amount set in the policy,
 *   answered at once, positive or negative — never referred to an underwriter. The amount is the policy's, so
 *   the controller asks for none.
 * Which dialect takes which is DIALECT_CAPABILITIES.checkRequests (insurer-dialect.ts).
 */
export const CHECK_REQUEST_KINDS = ['GRADE_ONLY', 'CREDIT_CHECK'] as const;
export type CheckRequestKind = (typeof CHECK_REQUEST_KINDS)[number];

/** What the controller asks: a UUID that is the request's Idempotency-Key (a second click sends the same request). */
export const checkRequestSchema = z.strictObject({
  requestId: z.string().uuid(),
  kind: z.enum(CHECK_REQUEST_KINDS),
  companyId: z.string().min(1).max(100),
  /** The customer number the debtor will have, sent as the insurer's customer reference (a credit check is a cover). */
  customerCode: z.string().max(100).optional(),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;

/**
 * The insurer's answer, in Kredo's canonical terms: GRADED (a grade-only request: the grade, no cover), APPROVED
 * or REFUSED (a credit check: the cover of the policy's amount, or none). The grade is there when the insurer
 * gave one with the answer.
 */
export const checkAnswerSchema = z.strictObject({
  kind: z.enum(CHECK_REQUEST_KINDS),
  companyId: z.string().min(1).max(100),
  outcome: z.enum(['GRADED', 'APPROVED', 'REFUSED']),
  grade: buyerCheckSchema.shape.grade,
  cover: buyerCheckSchema.shape.covers.element.optional(),
});
export type CheckAnswer = z.infer<typeof checkAnswerSchema>;
