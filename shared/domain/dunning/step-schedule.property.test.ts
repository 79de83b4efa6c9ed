import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber, type IsoDate } from '../../time/iso-date';
import { DEFAULT_CREDIT_POLICY, DUNNING_CHANNELS, TERM_STARTS, type DunningLadder } from './credit-policy';
import { DUNNING_STEPS, handledStepDays, handledSteps, type DunningAction, type DunningStep } from './dunning-action';
import { dayLadder, dueStepDays, dueSteps, scheduleInvoice } from './step-schedule';
import { demoPolicy } from './test-dunning';

/**
 * The worklist plans every open invoice of a tier-L portfolio with the schedule in day numbers
 * (`dueStepDays`, issue 14); the debtor page and the ladder preview read the schedule with ISO dates
 * (`scheduleInvoice` + `dueSteps`). Both must name the same steps on the same days for any ladder, any
 * insurer terms and any steps done, or the worklist would propose what the debtor page does not show.
 */
const day = fc.integer({ min: toDayNumber('1995-01-01' as IsoDate), max: toDayNumber('2090-12-31' as IsoDate) });
const ladder: fc.Arbitrary<DunningLadder> = fc
  .subarray([...DUNNING_STEPS], { minLength: 1 })
  .chain((steps) =>
    fc.tuple(...steps.map((step) => fc.record({ step: fc.constant(step), channel: fc.constantFrom(...DUNNING_CHANNELS), waitDays: fc.integer({ min: -5, max: 20 }), termDays: fc.integer({ min: 0, max: 21 }), termStart: fc.constantFrom(...TERM_STARTS) }))),
  )
  .map((steps) => ({ steps }));
// Small ranges, so that a deadline falls on the very day the chain reaches (ties decide what is forced).
const terms = fc.record({ maxExtensionPeriodDays: fc.integer({ min: 0, max: 40 }), collectionTransferDays: fc.integer({ min: 0, max: 20 }), handoverMarginDays: fc.integer({ min: 0, max: 10 }) });
/** Per step of DUNNING_STEPS: handled that many days after the due date, or not handled (null). */
const handledOffsets = fc.array(fc.option(fc.integer({ min: -5, max: 60 })), { minLength: DUNNING_STEPS.length, maxLength: DUNNING_STEPS.length });

describe('the step schedule in day numbers', () => {
  it('names the steps due today, on the days they fell due, as the ISO-date schedule does', () => {
    fc.assert(
      fc.property(ladder, terms, day, fc.integer({ min: 0, max: 120 }), handledOffsets, fc.integer({ min: -10, max: 120 }), (steps, { handoverMarginDays, ...extension }, dueDay, term, offsets, todayOffset) => {
        const insurancePolicy = { ...demoPolicy, ...extension };
        const creditPolicy = { ...DEFAULT_CREDIT_POLICY, handoverMarginDays };
        const item = { invoiceDate: fromDayNumber(dueDay - term), dueDate: fromDayNumber(dueDay) };
        const today = fromDayNumber(dueDay + todayOffset);
        const handledOn = (step: DunningStep) => {
          const offset = offsets[DUNNING_STEPS.indexOf(step)];
          return offset === null || offset === undefined ? undefined : fromDayNumber(dueDay + offset);
        };
        const expected = dueSteps(scheduleInvoice(item, steps, handledOn, insurancePolicy, creditPolicy), today).map((entry) => [entry.ladderStep.step, entry.dueOn]);

        const handledDays = offsets.some((offset) => offset !== null) ? Float64Array.from(offsets, (offset) => (offset === null ? Number.NaN : dueDay + offset)) : undefined;
        const dueDays: number[] = [];
        const count = dueStepDays(dueDay, dayLadder(steps, insurancePolicy, creditPolicy), handledDays, toDayNumber(today), dueDays);
        const actual = steps.steps.flatMap((ladderStep, index) => (Number.isNaN(dueDays[index]!) ? [] : [[ladderStep.step, fromDayNumber(dueDays[index]!)]]));
        expect(actual).toEqual(expected);
        expect(count).toBe(expected.length);
      }),
      { numRuns: 3_000 },
    );
  });

  it('keeps per invoice the earliest day each step was done or skipped, as handledSteps does per key', () => {
    const action = fc.record({
      step: fc.constantFrom(...DUNNING_STEPS),
      itemIds: fc.subarray(['d1:F-1', 'd1:F-2', 'd1:F-3']),
      on: day,
      done: fc.option(day),
      status: fc.constantFrom('planned', 'done', 'skipped'),
    });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (drafts) => {
        const actions = drafts.map((draft, index): DunningAction => ({ id: `a${index}`, debtorId: 'd1', step: draft.step, itemIds: draft.itemIds, plannedOn: fromDayNumber(draft.on), ...(draft.done !== null && { doneOn: fromDayNumber(draft.done) }), status: draft.status as DunningAction['status'], note: '' }));
        const byKey = handledSteps(actions);
        const byItem = handledStepDays(actions);
        for (const itemId of ['d1:F-1', 'd1:F-2', 'd1:F-3']) {
          for (const [index, step] of DUNNING_STEPS.entries()) {
            const expected = byKey.get(`${itemId}:${step}`);
            const days = byItem.get(itemId);
            expect(days === undefined || Number.isNaN(days[index]!) ? undefined : fromDayNumber(days[index]!)).toBe(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
