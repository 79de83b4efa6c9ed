import type { FieldError } from './field-errors';
import { segmentKey, type CreditPolicy } from './credit-policy';

/** The credit policy's segment a debtor's segment names ("Key account" → "key-account"), or undefined if the policy has none such. */
export function policySegmentOf(policy: CreditPolicy, segment: string): string | undefined {
  const key = segmentKey(segment);
  return key === '' ? undefined : Object.keys(policy.segments).find((name) => segmentKey(name) === key);
}

/**
 * A segment chosen on the debtor page (issue 13, item 5): one of the credit policy's segments, or none
 * (the policy's default ladder). A segment stored earlier that the policy no longer has may stay as it
 * is — the debtor then follows the default ladder, and the page says so — but is never typed anew.
 * Returns the segment to store (the policy's own spelling) or the field's problem.
 */
export function chooseSegment(policy: CreditPolicy, before: string, chosen: string): { readonly segment: string } | { readonly error: FieldError } {
  const trimmed = chosen.trim();
  if (trimmed === '') return { segment: '' };
  const known = policySegmentOf(policy, trimmed);
  if (known) return { segment: known };
  if (trimmed === before.trim()) return { segment: before };
  return { error: { field: 'segment', code: 'notInPolicy', message: 'notInPolicy', params: { value: trimmed } } };
}
