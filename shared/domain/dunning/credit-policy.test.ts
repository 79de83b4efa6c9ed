import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { DEFAULT_CREDIT_POLICY, ladderForSegment, segmentKey, termEndsOn, type CreditPolicy } from './credit-policy';
import { DUNNING_STEPS } from './dunning-action';

describe('the default credit policy', () => {
  it('follows the seeds: first reminder 5 days after the due date with a 7-day term, then call, reminder, formal notice, stop supply, handover', () => {
    const ladder = ladderForSegment(DEFAULT_CREDIT_POLICY, 'standard');
    expect(ladder.steps.map((step) => step.step)).toEqual([...DUNNING_STEPS]);
    expect(ladder.steps[0]).toMatchObject({ step: 'reminder-1', channel: 'letter', waitDays: 5, termDays: 7 });
    expect(ladder.steps.map((step) => step.channel)).toEqual(['letter', 'call', 'letter', 'letter', 'task', 'task']);
    expect(ladder.steps[3]).toMatchObject({ step: 'formal-notice', termDays: 14, termStart: 'after-receipt' });
    expect(DEFAULT_CREDIT_POLICY.paymentTermsDays).toBe(30);
  });

  it('dunns key accounts later and more gently, however the segment is typed, and unknown segments by the default ladder', () => {
    const key = ladderForSegment(DEFAULT_CREDIT_POLICY, 'Key account');
    expect(segmentKey(' Key_Account ')).toBe('key-account');
    expect(key.steps[0]).toMatchObject({ waitDays: 10, termDays: 14 });
    expect(ladderForSegment(DEFAULT_CREDIT_POLICY, 'wholesale')).toBe(DEFAULT_CREDIT_POLICY.ladders['standard']);
  });

  it('shifts the whole ladder by a segment strategy delay (only the first wait changes; the rest follows the chain)', () => {
    const policy: CreditPolicy = { ...DEFAULT_CREDIT_POLICY, segments: { small: { ladder: 'standard', delayDays: 3 } } };
    const steps = ladderForSegment(policy, 'small').steps;
    expect(steps.map((step) => step.waitDays)).toEqual([8, 8, 7, 8, 17, 10]);
  });
});

describe('the last day to pay a letter gives', () => {
  const [reminder, call, , formalNotice] = DEFAULT_CREDIT_POLICY.ladders['standard']!.steps;

  it('counts a reminder from its date: sent Monday 6 April, pay by Monday 13 April', () => {
    expect(termEndsOn(reminder!, toIsoDate('2026-04-06'), 2)).toBe('2026-04-13');
  });

  it('counts the veertiendagenbrief from the day after receipt: sent Monday 4 May, received 6 May, fourteen days end Wednesday 20 May', () => {
    expect(termEndsOn(formalNotice!, toIsoDate('2026-05-04'), 2)).toBe('2026-05-20');
  });

  it('gives none for a call', () => {
    expect(termEndsOn(call!, toIsoDate('2026-05-04'), 2)).toBeUndefined();
  });
});
