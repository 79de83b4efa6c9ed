import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { DEFAULT_CREDIT_POLICY } from './credit-policy';
import { nextDunningStep } from './next-step';
import { demoPolicy, handledAction } from './test-dunning';

const open = { oldestDueDate: toIsoDate('2026-10-01'), openItemCount: 2 };
const next = (fields: Partial<Parameters<typeof nextDunningStep>[0]>) =>
  nextDunningStep({ summary: open, segment: 'standard', lastHandled: undefined, creditPolicy: DEFAULT_CREDIT_POLICY, insurancePolicy: demoPolicy, ...fields });

describe('the Portfolio’s next action for a debtor (issue 16, item 5)', () => {
  it('is the first reminder five days after the oldest open invoice fell due when nothing was done yet', () => {
    expect(next({})).toEqual({ step: 'reminder-1', on: '2026-10-06' });
  });

  it('follows the ladder from the step handled last: the call eight days after the first reminder, the second reminder seven after the call', () => {
    expect(next({ lastHandled: handledAction('D1', 'reminder-1', ['D1|A'], '2026-10-09') })).toEqual({ step: 'phone-call', on: '2026-10-17' });
    expect(next({ lastHandled: handledAction('D1', 'phone-call', ['D1|A'], '2026-10-20', 'skipped') })).toEqual({ step: 'reminder-2', on: '2026-10-27' });
  });

  it('starts the ladder again when the step handled last was before the oldest open invoice fell due (those invoices are paid)', () => {
    expect(next({ lastHandled: handledAction('D1', 'formal-notice', ['D1|OLD'], '2026-08-01') })).toEqual({ step: 'reminder-1', on: '2026-10-06' });
  });

  it('stops supplies no later than the insurer’s maximum extension period, however late the formal notice went', () => {
    // Sixty days after the due date (demo policy), though the chain would say 17 days after 2026-11-20.
    expect(next({ lastHandled: handledAction('D1', 'formal-notice', ['D1|A'], '2026-11-20') })).toEqual({ step: 'stop-supply', on: '2026-11-30' });
  });

  it('is none once the ladder is done, and none for a debtor with nothing open', () => {
    expect(next({ lastHandled: handledAction('D1', 'handover', ['D1|A'], '2026-12-01') })).toBeUndefined();
    expect(next({ summary: { oldestDueDate: undefined, openItemCount: 0 } })).toBeUndefined();
  });

  it('uses the segment’s ladder: key accounts get their first reminder ten days after the due date', () => {
    expect(next({ segment: 'Key account' })).toEqual({ step: 'reminder-1', on: '2026-10-11' });
  });
});
