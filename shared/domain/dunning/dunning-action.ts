import { toDayNumber, type IsoDate } from '../../time/iso-date';

/** The steps of the dunning ladder (the seeds' process; the credit-policy editor configures them). */
export const DUNNING_STEPS = ['reminder-1', 'phone-call', 'reminder-2', 'formal-notice', 'stop-supply', 'handover'] as const;
export type DunningStep = (typeof DUNNING_STEPS)[number];

/** One thing done (or to be done) to collect: a letter sent, a call made, a handover. */
export interface DunningAction {
  readonly id: string;
  readonly debtorId: string;
  readonly step: DunningStep;
  readonly itemIds: readonly string[];
  readonly plannedOn: IsoDate;
  readonly doneOn?: IsoDate;
  readonly status: 'planned' | 'done' | 'skipped';
  readonly note: string;
}

/**
 * The idempotency key of a step for one invoice: a letter (and, later, its fee) happens at most once per
 * invoice and level, however often the plan runs. A consolidated action stands for one key per invoice.
 */
export function dunningKey(itemId: string, step: DunningStep): string {
  return `${itemId}:${step}`;
}

/**
 * When each step was dealt with per invoice, keyed by `dunningKey`. A skipped step counts as dealt with:
 * the controller decided against it, and the ladder goes on from that day (never re-offering it).
 */
export function handledSteps(actions: readonly DunningAction[]): Map<string, IsoDate> {
  const handled = new Map<string, IsoDate>();
  for (const action of actions) {
    if (action.status === 'planned') continue;
    const on = action.doneOn ?? action.plannedOn;
    for (const itemId of action.itemIds) {
      const key = dunningKey(itemId, action.step);
      const earlier = handled.get(key);
      if (earlier === undefined || on < earlier) handled.set(key, on);
    }
  }
  return handled;
}

/**
 * `handledSteps` per invoice in day numbers, for planning many invoices (step-schedule.ts `dueStepDays`):
 * per item id, the day each step (by DUNNING_STEPS index) was dealt with, NaN where it was not. Looking up
 * one key per invoice instead of building and hashing `${itemId}:${step}` for every step of every open
 * invoice (profiled: the largest share of the Dunning worklist at tier L, issue 14).
 */
export function handledStepDays(actions: readonly DunningAction[]): Map<string, Float64Array> {
  const handled = new Map<string, Float64Array>();
  for (const action of actions) {
    if (action.status === 'planned') continue;
    const day = toDayNumber(action.doneOn ?? action.plannedOn);
    const step = DUNNING_STEPS.indexOf(action.step);
    for (const itemId of action.itemIds) {
      let days = handled.get(itemId);
      if (!days) handled.set(itemId, (days = new Float64Array(DUNNING_STEPS.length).fill(Number.NaN)));
      if (!(days[step]! <= day)) days[step] = day;
    }
  }
  return handled;
}
