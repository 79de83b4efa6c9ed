import { KredoError } from '../../../../shared/errors/kredo-error';
import { insurerPolicySchema, type InsurerPolicy } from '../../../../shared/sync/policy-terms';

/**
 * The policy's terms, read from the insurer once per gateway (every cover and request needs its currency)
 * and read again after a failed attempt, so one dropped connection does not stick. `read` fetches the
 * dialect's policy answer and returns the part that holds the terms; an answer of another shape is a bad
 * answer, never a guess.
 */
export function policyTermsOnce(read: () => Promise<unknown>): () => Promise<InsurerPolicy> {
  let terms: Promise<InsurerPolicy> | undefined;
  return () => {
    terms ??= read().then(
      (body) => {
        const parsed = insurerPolicySchema.safeParse(body);
        if (!parsed.success) throw new KredoError('insurer.badAnswer');
        return parsed.data;
      },
      (error: unknown) => {
        terms = undefined;
        throw error;
      },
    );
    return terms;
  };
}
