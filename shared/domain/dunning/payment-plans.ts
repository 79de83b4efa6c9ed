import { z } from 'zod';
import { isCurrencyCode, type CurrencyCode } from '../../money/money';
import { addDays, daysBetween, isIsoDate, type IsoDate } from '../../time/iso-date';
import type { DebtorLedger } from '../ledger/ledger-types';
import { validateWith, type Validated } from './field-errors';
import { dayTotalReaches, paymentsReceived, totalOf } from './payments-received';

export interface Instalment {
  readonly dueOn: IsoDate;
  readonly amountMinor: number;
}

/**
 * An agreed arrangement to pay some invoices in instalments. The total is what the debtor agreed to pay
 * (it may include interest the law module computed); the instalments add up to it exactly, to the cent.
 */
export interface PaymentPlan {
  readonly id: string;
  readonly debtorId: string;
  readonly itemIds: readonly string[];
  readonly currency: CurrencyCode;
  readonly totalMinor: number;
  readonly agreedOn: IsoDate;
  readonly instalments: readonly Instalment[];
  /** The day the controller ended the plan (renegotiated, or followed up once broken); dunning resumes. */
  readonly endedOn?: IsoDate;
}

const businessDate = z.custom<IsoDate>(isIsoDate, 'not a YYYY-MM-DD date');
const positiveMinor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const paymentPlanSchema = z
  .object({
    id: z.string().min(1),
    debtorId: z.string().min(1),
    itemIds: z.array(z.string().min(1)).min(1),
    currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 code'),
    totalMinor: positiveMinor,
    agreedOn: businessDate,
    instalments: z.array(z.object({ dueOn: businessDate, amountMinor: positiveMinor })).min(1).max(120),
    endedOn: businessDate.optional(),
  })
  .superRefine((plan, ctx) => {
    const sumMinor = plan.instalments.reduce((sum, instalment) => sum + instalment.amountMinor, 0);
    if (sumMinor !== plan.totalMinor) {
      ctx.addIssue({ code: 'custom', path: ['instalments'], message: `The instalments add up to ${sumMinor}, not the total ${plan.totalMinor}`, params: { reason: 'sumMismatch', sumMinor, totalMinor: plan.totalMinor } });
    }
    plan.instalments.forEach((instalment, index) => {
      const previous = index === 0 ? undefined : plan.instalments[index - 1]!.dueOn;
      if (previous !== undefined && instalment.dueOn <= previous) ctx.addIssue({ code: 'custom', path: ['instalments', index, 'dueOn'], message: 'Each instalment falls due after the previous one', params: { reason: 'notAfterPrevious' } });
      if (instalment.dueOn < plan.agreedOn) ctx.addIssue({ code: 'custom', path: ['instalments', index, 'dueOn'], message: 'An instalment cannot fall due before the plan was agreed', params: { reason: 'beforeAgreed' } });
    });
  }) satisfies z.ZodType<PaymentPlan>;

/** A plan as agreed with the debtor, checked: instalments that do not add up to the total are refused. */
export function validatePaymentPlan(input: unknown): Validated<PaymentPlan> {
  return validateWith(paymentPlanSchema, input);
}

export type InstalmentStatus = 'paid' | 'late' | 'open';

export interface InstalmentProgress {
  readonly instalment: Instalment;
  readonly status: InstalmentStatus;
  /** Paid towards this instalment so far (payments fill instalments in order). */
  readonly paidMinor: number;
  readonly paidOn: IsoDate | undefined;
  /** Days after its due date it was paid, or is still unpaid; 0 when on time or not yet due. */
  readonly daysLate: number;
}

export type PlanStatus = 'active' | 'completed' | 'broken' | 'ended';

export interface PlanAssessment {
  readonly plan: PaymentPlan;
  /** Active while being kept; broken from the first instalment more than the allowed days late, for good; ended by the controller. */
  readonly status: PlanStatus;
  readonly instalments: readonly InstalmentProgress[];
  readonly paidMinor: number;
  readonly brokenOn: IsoDate | undefined;
}

/**
 * Tracks a plan against the payments in the ledger since it was agreed. Money fills the instalments in
 * order, as a debtor paying €700 of two €500 instalments has paid the first and part of the second. A
 * plan breaks on the day an instalment is more than `breaksAfterDaysLate` days overdue; catching up later
 * does not mend it (the controller decides whether to agree a new one, and ends this one).
 */
export function assessPaymentPlan(plan: PaymentPlan, ledger: DebtorLedger, today: IsoDate, breaksAfterDaysLate: number): PlanAssessment {
  const received = paymentsReceived(ledger, { itemIds: plan.itemIds, currency: plan.currency, from: plan.agreedOn, through: today });
  const paidMinor = totalOf(received);
  let dueSoFar = 0;
  let brokenOn: IsoDate | undefined;
  const instalments = plan.instalments.map((instalment): InstalmentProgress => {
    const before = dueSoFar;
    dueSoFar += instalment.amountMinor;
    const paidOn = dayTotalReaches(received, dueSoFar);
    const towards = Math.min(instalment.amountMinor, Math.max(0, paidMinor - before));
    const lateUntil = paidOn ?? today;
    const daysLate = Math.max(0, daysBetween(instalment.dueOn, lateUntil));
    if (daysLate > breaksAfterDaysLate) {
      const breaks = addDays(instalment.dueOn, breaksAfterDaysLate + 1);
      if (brokenOn === undefined || breaks < brokenOn) brokenOn = breaks;
    }
    const status: InstalmentStatus = paidOn ? 'paid' : today > instalment.dueOn ? 'late' : 'open';
    return { instalment, status, paidMinor: towards, paidOn, daysLate };
  });
  const completed = instalments.every((entry) => entry.status === 'paid');
  // Ended by the controller: neither pausing dunning nor waiting to be followed up, whatever it was before.
  if (plan.endedOn !== undefined && plan.endedOn <= today && !completed) return { plan, status: 'ended', instalments, paidMinor, brokenOn: undefined };
  const status: PlanStatus = brokenOn ? 'broken' : completed ? 'completed' : 'active';
  return { plan, status, instalments, paidMinor, brokenOn };
}
