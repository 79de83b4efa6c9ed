import { addDays, type IsoDate } from '../../time/iso-date';
import type { LedgerItem } from '../ledger/ledger-types';
import type { InsurancePolicy } from '../policy/insurance-policy';
import { termEndsOn, type CreditPolicy, type DunningLadder, type LadderStep } from './credit-policy';
import { DUNNING_STEPS, type DunningStep } from './dunning-action';
import { invoiceDeadlines, type InvoiceDeadlines } from './policy-deadlines';

/** One step of one invoice's ladder: when it falls due, and whether it is done. */
export interface ScheduledStep {
  readonly ladderStep: LadderStep;
  /** When the step falls due; undefined while the chain has not reached it and no deadline forces it. */
  readonly dueOn: IsoDate | undefined;
  /** True when the insurer's deadline, not the ladder's pace, sets `dueOn`. */
  readonly forcedByDeadline: boolean;
  /** When it was done or skipped, if it was. */
  readonly handledOn: IsoDate | undefined;
}

/**
 * The latest day a step may fall due under the insurance policy: supplies stop when the maximum
 * extension period ends, and the handover happens a safety margin before the insurer's
 * collection-transfer deadline (a handover takes a day or two to prepare, and late means no cover).
 */
export function deadlineFor(step: DunningStep, deadlines: InvoiceDeadlines, policy: CreditPolicy): IsoDate | undefined {
  if (step === 'stop-supply') return deadlines['stop-supply'];
  if (step === 'handover') return addDays(deadlines['collection-transfer'], -policy.handoverMarginDays);
  return undefined;
}

/**
 * The ladder for one invoice given what has been done (see LadderStep for the chain). A step falls due
 * `waitDays` after the previous step was handled (the first after the due date), or on its insurer
 * deadline if that is earlier, even if the chain has not got there.
 */
export function scheduleInvoice(
  item: Pick<LedgerItem, 'invoiceDate' | 'dueDate'>,
  ladder: DunningLadder,
  handledOn: (step: DunningStep) => IsoDate | undefined,
  insurancePolicy: InsurancePolicy,
  creditPolicy: CreditPolicy,
): ScheduledStep[] {
  const deadlines = invoiceDeadlines(item, insurancePolicy);
  let previousHandled: IsoDate | undefined = item.dueDate;
  return ladder.steps.map((ladderStep) => {
    const chained = previousHandled === undefined ? undefined : addDays(previousHandled, ladderStep.waitDays);
    const deadline = deadlineFor(ladderStep.step, deadlines, creditPolicy);
    const forcedByDeadline = deadline !== undefined && (chained === undefined || deadline < chained);
    const handled = handledOn(ladderStep.step);
    previousHandled = handled;
    return { ladderStep, dueOn: forcedByDeadline ? deadline : chained, forcedByDeadline, handledOn: handled };
  });
}

/**
 * The steps due on `today` for one invoice: fallen due, not handled, and not overtaken by a later step
 * already handled. When an insurer deadline forces a later step, the letters and calls before it that
 * are still outstanding are passed over: a first friendly reminder makes no sense beside a handover.
 */
export function dueSteps(schedule: readonly ScheduledStep[], today: IsoDate): ScheduledStep[] {
  const lastHandled = schedule.findLastIndex((entry) => entry.handledOn !== undefined);
  const due = schedule.filter((entry, index) => index > lastHandled && entry.handledOn === undefined && entry.dueOn !== undefined && entry.dueOn <= today);
  const forced = due.findLastIndex((entry) => entry.forcedByDeadline);
  return due.filter((entry, index) => index >= forced || entry.ladderStep.channel === 'task');
}

/**
 * A debtor's ladder made ready for day arithmetic (day numbers, iso-date.ts): per step its wait, its
 * insurer deadline as days after the invoice's due date (stop supply and handover; see `deadlineFor`),
 * and its place in DUNNING_STEPS. Worked out once per debtor, not per invoice.
 */
export interface DayLadder {
  readonly steps: readonly LadderStep[];
  readonly deadlineFromDue: readonly (number | undefined)[];
  readonly stepIndex: readonly number[];
}

export function dayLadder(ladder: DunningLadder, insurancePolicy: Pick<InsurancePolicy, 'maxExtensionPeriodDays' | 'collectionTransferDays'>, creditPolicy: Pick<CreditPolicy, 'handoverMarginDays'>): DayLadder {
  const extension = insurancePolicy.maxExtensionPeriodDays;
  const deadlineFromDue = ladder.steps.map(({ step }) => (step === 'stop-supply' ? extension : step === 'handover' ? extension + insurancePolicy.collectionTransferDays - creditPolicy.handoverMarginDays : undefined));
  return { steps: ladder.steps, deadlineFromDue, stepIndex: ladder.steps.map(({ step }) => DUNNING_STEPS.indexOf(step)) };
}

/**
 * `dueSteps(scheduleInvoice(…), today)` in day numbers, for planning a whole portfolio: writes into
 * `dueDays[i]` the day ladder step i fell due if it is due today, NaN if not, and returns how many are
 * due. `handledDays` holds per DUNNING_STEPS index the day the step was handled for the invoice (NaN when
 * not); undefined when none was. Held equal to the ISO-date schedule by step-schedule.property.test.ts.
 */
export function dueStepDays(dueDay: number, ladder: DayLadder, handledDays: ArrayLike<number> | undefined, todayDay: number, dueDays: number[]): number {
  const { steps, deadlineFromDue, stepIndex } = ladder;
  let lastHandled = -1;
  if (handledDays) for (let index = 0; index < steps.length; index += 1) if (!Number.isNaN(handledDays[stepIndex[index]!]!)) lastHandled = index;
  let previousHandled = dueDay;
  let lastForced = -1;
  for (let index = 0; index < steps.length; index += 1) {
    // NaN stands for "not reached": NaN + wait stays NaN, and every comparison with NaN is false.
    const chained = previousHandled + steps[index]!.waitDays;
    const offset = deadlineFromDue[index];
    const forced = offset !== undefined && (Number.isNaN(chained) || dueDay + offset < chained);
    const handled = handledDays ? handledDays[stepIndex[index]!]! : Number.NaN;
    previousHandled = handled;
    const dueOn = forced ? dueDay + offset : chained;
    const due = index > lastHandled && Number.isNaN(handled) && dueOn <= todayDay;
    dueDays[index] = due ? dueOn : Number.NaN;
    if (due && forced) lastForced = index;
  }
  let count = 0;
  for (let index = 0; index < steps.length; index += 1) {
    if (Number.isNaN(dueDays[index]!)) continue;
    // Letters and calls below a step an insurer deadline forces are passed over (as in dueSteps).
    if (index < lastForced && steps[index]!.channel !== 'task') dueDays[index] = Number.NaN;
    else count += 1;
  }
  return count;
}

export interface ProjectedStep {
  readonly step: DunningStep;
  readonly channel: LadderStep['channel'];
  readonly dueOn: IsoDate;
  /** The last day to pay the letter gives, if it is a letter. */
  readonly payBy: IsoDate | undefined;
  readonly forcedByDeadline: boolean;
}

/** The whole ladder for one invoice if every step is done the day it falls due: the preview of what lies ahead. */
export function projectLadder(item: Pick<LedgerItem, 'invoiceDate' | 'dueDate'>, ladder: DunningLadder, insurancePolicy: InsurancePolicy, creditPolicy: CreditPolicy): ProjectedStep[] {
  const done = new Map<DunningStep, IsoDate>();
  const projected: ProjectedStep[] = [];
  for (const ladderStep of ladder.steps) {
    const schedule = scheduleInvoice(item, { steps: ladder.steps.slice(0, projected.length + 1) }, (step) => done.get(step), insurancePolicy, creditPolicy);
    const entry = schedule[schedule.length - 1]!;
    const dueOn = entry.dueOn!;
    done.set(ladderStep.step, dueOn);
    projected.push({
      step: ladderStep.step,
      channel: ladderStep.channel,
      dueOn,
      payBy: termEndsOn(ladderStep, dueOn, creditPolicy.assumedReceiptDays),
      forcedByDeadline: entry.forcedByDeadline,
    });
  }
  return projected;
}
