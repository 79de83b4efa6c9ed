import { fromDayNumber, toDayNumber, type IsoDate } from '../../time/iso-date';
import type { Debtor } from '../debtors/debtor';
import type { DebtorLedger, LedgerItem } from '../ledger/ledger-types';
import type { InsurancePolicy } from '../policy/insurance-policy';
import { ladderForSegment, termEndsOn, type CreditPolicy, type DunningChannel, type LadderStep } from './credit-policy';
import { DUNNING_STEPS, handledStepDays, type DunningAction, type DunningStep } from './dunning-action';
import { assessPaymentPlan, type PaymentPlan } from './payment-plans';
import { assessPromise, type PromiseToPay } from './promises';
import { fingerprintOf } from './stable-id';
import { dayLadder, dueStepDays } from './step-schedule';

export interface DunningPlanInput {
  readonly today: IsoDate;
  readonly debtor: Pick<Debtor, 'id' | 'segment'>;
  readonly ledger: DebtorLedger;
  /** The debtor's dunning actions so far, in any status (others' are ignored). */
  readonly actions: readonly DunningAction[];
  readonly promises: readonly PromiseToPay[];
  readonly paymentPlans: readonly PaymentPlan[];
  readonly creditPolicy: CreditPolicy;
  readonly insurancePolicy: InsurancePolicy;
}

/** One consolidated step for the debtor today: one letter (or call, or task) for all invoices it is due for. */
export interface ProposedAction {
  /** To store when done: status 'planned', planned for the earliest day the step fell due for its invoices. */
  readonly action: DunningAction;
  readonly channel: DunningChannel;
  /** The invoices the step is due for, oldest first. */
  readonly items: readonly LedgerItem[];
  /** For a letter sent today: the last day to pay it gives. */
  readonly payBy: IsoDate | undefined;
}

export type PauseReason = 'dispute' | 'payment-plan' | 'promise';

export interface DunningPlan {
  readonly debtorId: string;
  /** In ladder order. */
  readonly proposals: readonly ProposedAction[];
  /** Overdue invoices not dunned today and why, so the debtor page can say so. */
  readonly paused: readonly { readonly itemId: string; readonly reason: PauseReason }[];
  /** Planned actions in the store that today's plan no longer contains (paid, paused, or replaced). */
  readonly stalePlannedIds: readonly string[];
}

/**
 * Why an open invoice is not dunned: a dispute (until resolved), an active payment plan being kept, or a
 * promise to pay whose day has not passed. A broken promise or plan resumes the ladder where it stood.
 */
function pausedItems(input: DunningPlanInput, invoices: readonly LedgerItem[]): Map<string, PauseReason> {
  const { today, ledger, creditPolicy } = input;
  const paused = new Map<string, PauseReason>();
  for (const promise of input.promises) {
    if (promise.debtorId !== input.debtor.id || promise.promisedOn > today) continue;
    if (assessPromise(promise, ledger, today, creditPolicy.promiseGraceDays).status !== 'open') continue;
    const ids = promise.itemIds.length > 0 ? promise.itemIds : invoices.filter((item) => item.currency === promise.currency).map((item) => item.id);
    for (const id of ids) paused.set(id, 'promise');
  }
  for (const plan of input.paymentPlans) {
    if (plan.debtorId !== input.debtor.id || plan.agreedOn > today) continue;
    if (assessPaymentPlan(plan, ledger, today, creditPolicy.planBreaksAfterDaysLate).status !== 'active') continue;
    for (const id of plan.itemIds) paused.set(id, 'payment-plan');
  }
  for (const item of invoices) if (item.dispute) paused.set(item.id, 'dispute');
  return paused;
}

/**
 * A stable id: the debtor's planned action for this step keeps its id (storing it again updates it);
 * otherwise the id follows from debtor, step and invoices, so running the plan twice, or processing the
 * same proposal twice, writes one record. It can never equal a done action's id: a done action with the
 * same invoices would have handled them, and they would not be proposed again.
 */
function actionId(debtorId: string, step: DunningStep, itemIds: readonly string[], planned: readonly DunningAction[]): string {
  const existing = planned.filter((action) => action.step === step).sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.id.localeCompare(b.id))[0];
  return existing?.id ?? `dunning:${debtorId}:${step}:${fingerprintOf(itemIds)}`;
}

/** Invoice numbers as people read them (INV-9 before INV-10); one collator, as `localeCompare` with options builds one per call. */
const compareInvoiceNumbers = new Intl.Collator('en', { numeric: true }).compare;

interface StepGroup {
  readonly ladderStep: LadderStep;
  readonly items: LedgerItem[];
  /** The earliest day the step fell due for its invoices (a day number). */
  plannedOnDay: number;
}

/**
 * What to do for one debtor today: per ladder step, one action listing every open invoice that step is
 * due for. A step already done (or skipped) for an invoice is never proposed again for it (the
 * idempotency key `${itemId}:${step}`). Credit notes, settled and paused invoices are left out; the
 * insurer's deadlines can pull stop-supply and handover forward (step-schedule.ts).
 */
export function planDunning(input: DunningPlanInput): DunningPlan {
  const { today, debtor, creditPolicy } = input;
  const actions = input.actions.filter((action) => action.debtorId === debtor.id);
  const handled = handledStepDays(actions);
  const invoices = input.ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0);
  const paused = pausedItems(input, invoices);
  const ladder = dayLadder(ladderForSegment(creditPolicy, debtor.segment), input.insurancePolicy, creditPolicy);
  const todayDay = toDayNumber(today);

  // The step schedule in day numbers (step-schedule.ts dueStepDays): the same steps and days as
  // dueSteps(scheduleInvoice(…)), without ISO strings and objects per step of every open invoice.
  const groups = new Map<DunningStep, StepGroup>();
  const pausedOverdue: { itemId: string; reason: PauseReason }[] = [];
  const dueDays: number[] = [];
  for (const item of invoices) {
    const reason = paused.size > 0 ? paused.get(item.id) : undefined;
    if (reason) {
      if (item.dueDate < today) pausedOverdue.push({ itemId: item.id, reason });
      continue;
    }
    if (dueStepDays(toDayNumber(item.dueDate), ladder, handled.size > 0 ? handled.get(item.id) : undefined, todayDay, dueDays) === 0) continue;
    ladder.steps.forEach((ladderStep, index) => {
      const dueOn = dueDays[index]!;
      if (Number.isNaN(dueOn)) return;
      const group = groups.get(ladderStep.step);
      if (!group) groups.set(ladderStep.step, { ladderStep, items: [item], plannedOnDay: dueOn });
      else {
        group.items.push(item);
        if (dueOn < group.plannedOnDay) group.plannedOnDay = dueOn;
      }
    });
  }

  const planned = actions.filter((action) => action.status === 'planned');
  const proposals = DUNNING_STEPS.flatMap((step): ProposedAction[] => {
    const group = groups.get(step);
    if (!group) return [];
    const items = [...group.items].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || compareInvoiceNumbers(a.number, b.number));
    const itemIds = items.map((item) => item.id);
    const action: DunningAction = { id: actionId(debtor.id, step, itemIds, planned), debtorId: debtor.id, step, itemIds, plannedOn: fromDayNumber(group.plannedOnDay), status: 'planned', note: '' };
    return [{ action, channel: group.ladderStep.channel, items, payBy: termEndsOn(group.ladderStep, today, creditPolicy.assumedReceiptDays) }];
  });
  const proposedIds = new Set(proposals.map((proposal) => proposal.action.id));
  return {
    debtorId: debtor.id,
    proposals,
    paused: pausedOverdue,
    stalePlannedIds: planned.filter((action) => !proposedIds.has(action.id)).map((action) => action.id),
  };
}
