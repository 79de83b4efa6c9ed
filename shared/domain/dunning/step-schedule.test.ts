import { describe, expect, it } from 'vitest';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import { testItem } from '../ledger/test-ledger';
import { DEFAULT_CREDIT_POLICY, ladderForSegment } from './credit-policy';
import type { DunningStep } from './dunning-action';
import { dueSteps, projectLadder, scheduleInvoice } from './step-schedule';
import { demoPolicy } from './test-dunning';

const invoice = testItem('d1', 'F-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 100_000 });
const standard = ladderForSegment(DEFAULT_CREDIT_POLICY, 'standard');

function scheduleWith(done: Partial<Record<DunningStep, string>>, segment = 'standard') {
  return scheduleInvoice(invoice, ladderForSegment(DEFAULT_CREDIT_POLICY, segment), (step) => done[step] as IsoDate | undefined, demoPolicy, DEFAULT_CREDIT_POLICY);
}

describe('the default ladder for one invoice due on 1 April 2026', () => {
  it('runs from the first reminder on 6 April to the handover on 26 May, each letter\'s term respected', () => {
    expect(projectLadder(invoice, standard, demoPolicy, DEFAULT_CREDIT_POLICY).map(({ step, dueOn, payBy }) => [step, dueOn, payBy])).toEqual([
      ['reminder-1', '2026-04-06', '2026-04-13'],
      ['phone-call', '2026-04-14', undefined],
      ['reminder-2', '2026-04-21', '2026-04-28'],
      // The veertiendagenbrief: two days' post, then fourteen days from the day after receipt.
      ['formal-notice', '2026-04-29', '2026-05-15'],
      ['stop-supply', '2026-05-16', undefined],
      ['handover', '2026-05-26', undefined],
    ]);
  });

  it('for a key account comes later, and the insurer\'s maximum extension period stops supplies on 31 May instead of 4 June', () => {
    const key = projectLadder(invoice, ladderForSegment(DEFAULT_CREDIT_POLICY, 'key-account'), demoPolicy, DEFAULT_CREDIT_POLICY);
    expect(key.map(({ step, dueOn, forcedByDeadline }) => [step, dueOn, forcedByDeadline])).toEqual([
      ['reminder-1', '2026-04-11', false],
      ['phone-call', '2026-04-26', false],
      ['reminder-2', '2026-05-03', false],
      ['formal-notice', '2026-05-18', false],
      ['stop-supply', '2026-05-31', true],
      ['handover', '2026-06-14', false],
    ]);
  });
});

describe('what is due on a day', () => {
  const stepsDue = (done: Partial<Record<DunningStep, string>>, today: string) => dueSteps(scheduleWith(done), toIsoDate(today)).map((entry) => entry.ladderStep.step);

  it('moves the chain along from the day a step was actually done', () => {
    // The first reminder went out a week late, on 13 April: the call waits until its term has run (21 April).
    expect(stepsDue({ 'reminder-1': '2026-04-13' }, '2026-04-20')).toEqual([]);
    expect(stepsDue({ 'reminder-1': '2026-04-13' }, '2026-04-21')).toEqual(['phone-call']);
  });

  it('stops supplies on the MEP end and hands over 5 days before the collection-transfer deadline when the controller is behind', () => {
    const slow = { 'reminder-1': '2026-04-06', 'phone-call': '2026-04-14', 'reminder-2': '2026-04-21', 'formal-notice': '2026-05-25' };
    expect(stepsDue(slow, '2026-05-30')).toEqual([]);
    expect(stepsDue(slow, '2026-05-31')).toEqual(['stop-supply']);
    const stopped = { ...slow, 'stop-supply': '2026-06-24' };
    // Chained, the handover would be 4 July; the insurer must have it by 30 June.
    expect(stepsDue(stopped, '2026-06-24')).toEqual([]);
    expect(stepsDue(stopped, '2026-06-25')).toEqual(['handover']);
  });

  it('passes over outstanding letters and calls once an insurer deadline forces a later step', () => {
    // Nothing was ever done for an invoice 80 days overdue: stop supplies, no first friendly reminder.
    expect(stepsDue({}, '2026-06-20')).toEqual(['stop-supply']);
    expect(stepsDue({}, '2026-06-25')).toEqual(['stop-supply', 'handover']);
  });

  it('never offers a step again once a later one is done', () => {
    expect(stepsDue({ 'reminder-1': '2026-04-06', 'formal-notice': '2026-04-20' }, '2026-04-30')).toEqual([]);
  });
});
