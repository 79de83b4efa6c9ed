import { addDays, type IsoDate } from '../../time/iso-date';
import type { DebtorSummary } from '../summaries/debtor-summary';
import type { InsurancePolicy } from '../policy/insurance-policy';
import { ladderForSegment, type CreditPolicy, type DunningLadder } from './credit-policy';
import type { DunningAction, DunningStep } from './dunning-action';
import { invoiceDeadlines } from './policy-deadlines';
import { deadlineFor } from './step-schedule';

export interface NextDunningStep {
  readonly step: DunningStep;
  /** When it falls due: on or before today it is on today's worklist. */
  readonly on: IsoDate;
}

/**
 * The debtor's next dunning step and its date, for the Portfolio's "Next action" column (issue 16, item 5),
 * from what each debtor's summary already keeps — its oldest open invoice's due date — and its last step
 * done or skipped: no ledger is read, so 20,000 debtors cost one pass over the summaries and actions.
 *
 * It follows the ladder of the debtor's segment as the worklist does (step-schedule.ts): the first step
 * `waitDays` after the oldest open invoice fell due, each later one `waitDays` after the step before was
 * handled, stop supply and handover no later than their insurer deadlines. A step handled before the oldest
 * open invoice fell due was for invoices since paid, so the ladder starts again. Pauses (a dispute, a
 * promise, a payment plan) are the worklist's to weigh; this is the step the ladder stands at.
 */
export function nextDunningStep(input: {
  readonly summary: Pick<DebtorSummary, 'oldestDueDate' | 'openItemCount'>;
  readonly segment: string;
  /** The debtor's step handled last (done or skipped), if any. */
  readonly lastHandled: DunningAction | undefined;
  readonly creditPolicy: CreditPolicy;
  readonly insurancePolicy: InsurancePolicy;
  /** The segment's ladder when the caller has it at hand (one per segment for a whole portfolio). */
  readonly ladder?: DunningLadder;
}): NextDunningStep | undefined {
  const { summary, lastHandled, creditPolicy } = input;
  const dueDate = summary.oldestDueDate;
  if (dueDate === undefined || summary.openItemCount === 0) return undefined;
  const { steps } = input.ladder ?? ladderForSegment(creditPolicy, input.segment);
  const handledOn = lastHandled && (lastHandled.doneOn ?? lastHandled.plannedOn);
  const current = handledOn !== undefined && handledOn >= dueDate ? steps.findIndex((step) => step.step === lastHandled!.step) : -1;
  const next = steps[current + 1];
  if (!next) return undefined;
  const chained = addDays(current < 0 || handledOn === undefined ? dueDate : handledOn, next.waitDays);
  // The invoice date only sets the claim deadline, which no ladder step follows.
  const deadline = deadlineFor(next.step, invoiceDeadlines({ invoiceDate: dueDate, dueDate }, input.insurancePolicy), creditPolicy);
  return { step: next.step, on: deadline !== undefined && deadline < chained ? deadline : chained };
}
