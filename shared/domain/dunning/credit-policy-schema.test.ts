import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_POLICY, type CreditPolicy, type LadderStep } from './credit-policy';
import { validateCreditPolicy } from './credit-policy-schema';

const standard = DEFAULT_CREDIT_POLICY.ladders['standard']!.steps;

function withStandardSteps(steps: readonly LadderStep[]): CreditPolicy {
  return { ...DEFAULT_CREDIT_POLICY, ladders: { ...DEFAULT_CREDIT_POLICY.ladders, standard: { steps } } };
}

function errorsOf(input: unknown) {
  const result = validateCreditPolicy(input);
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.errors.map((error) => ({ field: error.field, code: error.code }));
}

describe('validating an edited credit policy', () => {
  it('accepts the default policy as it is', () => {
    expect(validateCreditPolicy(JSON.parse(JSON.stringify(DEFAULT_CREDIT_POLICY)))).toEqual({ ok: true, value: DEFAULT_CREDIT_POLICY });
  });

  it('refuses a call before the first reminder\'s 7-day term has run, naming the field and the earliest day', () => {
    const steps = standard.map((step, index) => (index === 1 ? { ...step, waitDays: 7 } : step));
    const result = validateCreditPolicy(withStandardSteps(steps));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ field: 'ladders.standard.steps.1.waitDays', code: 'beforePreviousTerm', params: expect.objectContaining({ min: 8, previous: 'reminder-1' }) })]);
  });

  it('counts the posting days into the formal notice\'s term: stop supply at 16 days after it is too early', () => {
    const steps = standard.map((step) => (step.step === 'stop-supply' ? { ...step, waitDays: 16 } : step));
    expect(errorsOf(withStandardSteps(steps))).toEqual([{ field: 'ladders.standard.steps.4.waitDays', code: 'beforePreviousTerm' }]);
  });

  it('refuses steps out of ladder order, a letter without a term and a term on a call', () => {
    const swapped = [standard[1]!, standard[0]!, ...standard.slice(2)].map((step) => ({ ...step, waitDays: 30 }));
    expect(errorsOf(withStandardSteps(swapped))).toContainEqual({ field: 'ladders.standard.steps.1.step', code: 'stepOrder' });
    const noTerm = standard.map((step, index) => (index === 0 ? { ...step, termDays: 0 } : index === 1 ? { ...step, termDays: 3 } : step));
    expect(errorsOf(withStandardSteps(noTerm))).toEqual([
      { field: 'ladders.standard.steps.0.termDays', code: 'letterWithoutTerm' },
      { field: 'ladders.standard.steps.1.termDays', code: 'termOnCallOrTask' },
    ]);
  });

  it('refuses a segment strategy or default naming a ladder that does not exist', () => {
    const policy = { ...DEFAULT_CREDIT_POLICY, defaultLadder: 'gentle', segments: { 'key-account': { ladder: 'vip', delayDays: 0 } } };
    expect(errorsOf(policy)).toEqual([
      { field: 'defaultLadder', code: 'unknownLadder' },
      { field: 'segments.key-account.ladder', code: 'unknownLadder' },
    ]);
  });

  it('names every field of the wrong type or out of range at once', () => {
    const policy = { ...DEFAULT_CREDIT_POLICY, paymentTermsDays: 14.5, promiseGraceDays: -1, ladders: { standard: { steps: [{ ...standard[0]!, channel: 'fax' }] } } };
    expect(errorsOf(policy).map((error) => error.field)).toEqual(['paymentTermsDays', 'promiseGraceDays', 'ladders.standard.steps.0.channel']);
  });
});
