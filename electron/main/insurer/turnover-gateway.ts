import { KredoError } from '../../../shared/errors/kredo-error';
import { canonicalTurnoverBody, receiptFromCanonical, type TurnoverReceipt, type TurnoverSubmission } from '../../../shared/sync/turnover-wire';
import type { InsurerClient } from './insurer-client';

/**
 * A turnover declaration in the canonical dialect (issue 18 item 4; insurer-apis.md §3.2
 * `POST /v1/policies/{policyId}/turnover-declarations`): sent with its version's Idempotency-Key, so a retry after
 * a lost answer is replayed rather than booked twice, and a later version of the same period is a correction.
 * Atradius and Allianz Trade have no public route for it (shared/sync/insurer-dialect.ts
 * DIALECT_TURNOVER_DECLARATIONS): their gateways have no `declareTurnover`, and Kredo prepares a file for the portal.
 */
export async function declareCanonicalTurnover(client: InsurerClient, policyBase: string, submission: TurnoverSubmission): Promise<TurnoverReceipt> {
  const answer = await client.call('POST', `${policyBase}/turnover-declarations`, { idempotencyKey: submission.idempotencyKey, body: canonicalTurnoverBody(submission) });
  const receipt = receiptFromCanonical(answer.body);
  if (!receipt || receipt.period !== submission.period) throw new KredoError('insurer.badAnswer');
  return receipt;
}
