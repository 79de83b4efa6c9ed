import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_POLICY, ladderForSegment } from './credit-policy';
import { chooseSegment, policySegmentOf } from './policy-segments';

describe('segments chosen from the credit policy', () => {
  it('takes one of the policy’s segments in its own spelling, or none', () => {
    expect(chooseSegment(DEFAULT_CREDIT_POLICY, 'standard', 'Key account')).toEqual({ segment: 'key-account' });
    expect(chooseSegment(DEFAULT_CREDIT_POLICY, 'standard', '')).toEqual({ segment: '' });
  });

  it('refuses a segment the policy does not have, but keeps a stored one until it is changed', () => {
    expect(chooseSegment(DEFAULT_CREDIT_POLICY, 'standard', 'retail')).toEqual({ error: { field: 'segment', code: 'notInPolicy', message: 'notInPolicy', params: { value: 'retail' } } });
    expect(chooseSegment(DEFAULT_CREDIT_POLICY, 'retail', 'retail')).toEqual({ segment: 'retail' });
    expect(policySegmentOf(DEFAULT_CREDIT_POLICY, 'retail')).toBeUndefined();
  });

  it('dunns a debtor without a segment, or with one the policy no longer has, on the default ladder (what imported debtors get)', () => {
    const standard = DEFAULT_CREDIT_POLICY.ladders[DEFAULT_CREDIT_POLICY.defaultLadder];
    expect(ladderForSegment(DEFAULT_CREDIT_POLICY, '')).toBe(standard);
    expect(ladderForSegment(DEFAULT_CREDIT_POLICY, 'retail')).toBe(standard);
  });
});
