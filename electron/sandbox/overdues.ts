import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { appendEvent } from './change-feed';
import { gradeOf } from './cover-requests';
import { amountMinor, bodyObject, checkInvoices, decimalText, field, hoursAfter, knownCompany, oneOf, optionalText, readInvoices, requiredDate, requiredText, sumOf } from './loss-input';
import { nextId, OVERDUE_CATEGORIES, type OverdueCategory, type SandboxInvoice, type SandboxOverdue } from './loss-state';
import { overdueView } from './loss-views';
import { applyOutcomeToCover, outcomeForGrade } from './overdue-outcomes';
import { badRequest, unprocessable, type ProblemFieldError } from './problem';
import type { SandboxState } from './sandbox-state';
import { dueSteps, type DueStep } from './timeline-step';

/**
 * Overdue notifications (POST /overdues; Allianz Payment Overdues, CofaServe OVERDUE): OVD reports
 * invoices the buyer has not paid, EXP asks to move their due date within the maximum extension period,
 * RES proposes a repayment plan. Each must reach the insurer within the policy's notification period
 * after the due date; the insurer answers a day later (virtual time) with LIMIT_CONFIRMED, SUPPLY_BAN
 * or LIMIT_CANCELLED, depending on the buyer's grade.
 */
export interface OverdueInput {
  readonly companyId: string;
  readonly category: OverdueCategory;
  readonly invoices: readonly SandboxInvoice[];
  readonly newDueDate: IsoDate | null;
  readonly plan: readonly { readonly dueDate: IsoDate; readonly amountMinor: number }[] | null;
  readonly comment: string | null;
  readonly customerReference: string | null;
}

const MAX_INSTALMENTS = 60;

function readPlan(value: unknown, errors: ProblemFieldError[]): { dueDate: IsoDate; amount: string }[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_INSTALMENTS) {
    errors.push(field('/plan', 'invalid_plan', `A rescheduling needs a plan of 1 to ${MAX_INSTALMENTS} instalments`));
    return [];
  }
  return value.map((item: unknown, index) => {
    const instalment = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    return { dueDate: requiredDate(instalment.dueDate, `/plan/${index}/dueDate`, errors), amount: decimalText(instalment.amount, `/plan/${index}/amount`, errors) };
  });
}

/** The body's form (400), then the rules of its category (422). Deadlines are checked on submission. */
export function parseOverdue(body: unknown, state: SandboxState): OverdueInput {
  const input = bodyObject(body);
  const errors: ProblemFieldError[] = [];
  const companyId = requiredText(input.companyId, '/companyId', errors, 'The insurer buyer id is required');
  const category = oneOf(input.category, OVERDUE_CATEGORIES, '/category', errors);
  const invoiceTexts = readInvoices(input.invoices, errors);
  let newDueDate: IsoDate | null = null;
  if (category === 'EXP') newDueDate = requiredDate(input.newDueDate, '/newDueDate', errors);
  else if (input.newDueDate !== undefined && input.newDueDate !== null) errors.push(field('/newDueDate', 'not_allowed', 'Only for category EXP'));
  const planTexts = category === 'RES' ? readPlan(input.plan, errors) : null;
  if (category !== 'RES' && input.plan !== undefined && input.plan !== null) errors.push(field('/plan', 'not_allowed', 'Only for category RES'));
  const comment = optionalText(input.comment, '/comment', errors);
  const customerReference = optionalText(input.customerReference, '/customerReference', errors, 100);
  if (errors.length > 0) throw badRequest('invalid_body', 'Some fields are missing or malformed.', errors);

  const invoices = checkInvoices(invoiceTexts, state);
  const plan = planTexts?.map((instalment, index) => ({ dueDate: instalment.dueDate, amountMinor: amountMinor(instalment.amount, state, `/plan/${index}/amount`) })) ?? null;
  if (plan) {
    const planned = plan.reduce((sum, instalment) => sum + instalment.amountMinor, 0);
    const owed = sumOf(invoices, (invoice) => invoice.grossAmountMinor);
    if (planned !== owed) throw unprocessable('plan_total_mismatch', 'The plan\'s instalments must add up to the invoices\' gross amounts.', [field('/plan', 'plan_total_mismatch', 'Must equal the invoices\' gross total')]);
  }
  return { companyId, category, invoices, newDueDate, plan, comment, customerReference };
}

/** The insurer's time limits, against the virtual today: late notifications are not insured. */
function checkDeadlines(input: OverdueInput, state: SandboxState, today: IsoDate): void {
  const { overdueNotificationDays, maxExtensionPeriodDays } = state.policy;
  input.invoices.forEach((invoice, index) => {
    const pointer = `/invoices/${index}/dueDate`;
    const deadline = addDays(invoice.dueDate, overdueNotificationDays);
    if (deadline < today) {
      throw unprocessable('notification_deadline_passed', `Invoice ${invoice.number} fell due on ${invoice.dueDate} and had to be notified by ${deadline} (${overdueNotificationDays} days); a late notification is not insured.`, [field(pointer, 'notification_deadline_passed', `Notify by ${deadline}`)]);
    }
    if (input.category === 'OVD' && invoice.dueDate >= today) throw unprocessable('invoice_not_overdue', `Invoice ${invoice.number} is not overdue: it falls due on ${invoice.dueDate}.`, [field(pointer, 'invoice_not_overdue', 'Must be past its due date')]);
    if (input.category !== 'EXP' || input.newDueDate === null) return;
    const latest = addDays(invoice.dueDate, maxExtensionPeriodDays);
    if (input.newDueDate <= invoice.dueDate) throw unprocessable('new_due_date_not_later', `The new due date must be after invoice ${invoice.number}'s due date ${invoice.dueDate}.`, [field('/newDueDate', 'new_due_date_not_later', `After ${invoice.dueDate}`)]);
    if (input.newDueDate > latest) throw unprocessable('extension_beyond_mep', `Invoice ${invoice.number} may be extended to ${latest} at most (${maxExtensionPeriodDays} days after its due date).`, [field('/newDueDate', 'extension_beyond_mep', `At most ${latest}`)]);
  });
}

export function submitOverdue(state: SandboxState, input: OverdueInput, at: string, today: IsoDate): SandboxOverdue {
  knownCompany(state, input.companyId);
  checkDeadlines(input, state, today);
  const overdue: SandboxOverdue = {
    overdueId: nextId('OVD', state.overdues),
    companyId: input.companyId,
    category: input.category,
    invoices: input.invoices,
    newDueDate: input.newDueDate,
    plan: input.plan,
    comment: input.comment,
    customerReference: input.customerReference,
    status: 'RECEIVED',
    receivedAt: at,
    nextStepAt: hoursAfter(at, state.settings.overdueResponseHours),
    outcome: null,
    respondedAt: null,
    updatedAt: at,
  };
  state.overdues.push(overdue);
  return overdue;
}

/** The insurer's answer, on the buyer's grade at that moment; a supply ban is also announced on its own. */
function respond(state: SandboxState, overdue: SandboxOverdue, at: string): void {
  const outcome = outcomeForGrade(gradeOf(state, overdue.companyId));
  overdue.status = 'ACKNOWLEDGED';
  overdue.outcome = outcome;
  overdue.respondedAt = at;
  overdue.nextStepAt = null;
  overdue.updatedAt = at;
  const event = { occurredAt: at, resourceType: 'overdue' as const, resourceId: overdue.overdueId, companyId: overdue.companyId, data: { overdue: overdueView(overdue, state.policy.id) } };
  appendEvent(state, { ...event, type: 'OVERDUE_ACKNOWLEDGED' });
  if (outcome === 'SUPPLY_BAN') appendEvent(state, { ...event, type: 'SUPPLY_BAN_IMPOSED' });
  applyOutcomeToCover(state, overdue, outcome, at);
}

export const overdueSteps = (state: SandboxState, nowMs: number): DueStep[] => dueSteps(state.overdues, nowMs, (overdue, at) => respond(state, overdue, at));
