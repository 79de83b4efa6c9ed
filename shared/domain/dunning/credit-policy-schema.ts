import { z } from 'zod';
import { DUNNING_STEPS } from './dunning-action';
import { DUNNING_CHANNELS, TERM_STARTS, termLengthDays, type CreditPolicy, type LadderStep } from './credit-policy';
import { validateWith, type Validated } from './field-errors';

/**
 * The credit policy as the policy editor saves it. Besides the shape, the rules a controller could break
 * by editing: steps in ladder order and each once, a term only on letters, no step before the previous
 * letter's term has run out, and every ladder a strategy names must exist.
 */
const days = (min: number, max: number) => z.number().int().min(min).max(max);

const ladderStepSchema = z.object({
  step: z.enum(DUNNING_STEPS),
  channel: z.enum(DUNNING_CHANNELS),
  waitDays: days(-30, 365),
  termDays: days(0, 90),
  termStart: z.enum(TERM_STARTS),
});

const ladderSchema = z.object({ steps: z.array(ladderStepSchema).min(1).max(DUNNING_STEPS.length) });

/** Reasons for rules across fields, as FieldError codes. */
export const CREDIT_POLICY_RULES = ['stepOrder', 'termOnCallOrTask', 'letterWithoutTerm', 'negativeWait', 'beforePreviousTerm', 'unknownLadder'] as const;
type Rule = (typeof CREDIT_POLICY_RULES)[number];

type Context = z.core.$RefinementCtx<unknown>;

function addRule(ctx: Context, path: PropertyKey[], reason: Rule, message: string, params: Record<string, unknown> = {}): void {
  ctx.addIssue({ code: 'custom', path, message, params: { reason, ...params } });
}

function checkStep(ctx: Context, path: PropertyKey[], step: LadderStep, index: number, previous: LadderStep | undefined, receiptDays: number): void {
  if (step.channel !== 'letter' && step.termDays !== 0) addRule(ctx, [...path, 'termDays'], 'termOnCallOrTask', 'Only letters give a payment term');
  if (step.channel === 'letter' && step.termDays === 0) addRule(ctx, [...path, 'termDays'], 'letterWithoutTerm', 'A letter must give a payment term');
  if (index > 0 && step.waitDays < 0) addRule(ctx, [...path, 'waitDays'], 'negativeWait', 'Only the first step may come before the due date');
  if (!previous) return;
  // The debtor may still pay on the term's last day; the next step comes the day after at the earliest.
  const earliest = termLengthDays(previous, receiptDays) + 1;
  if (previous.termDays > 0 && step.waitDays < earliest) {
    addRule(ctx, [...path, 'waitDays'], 'beforePreviousTerm', `Must be at least ${earliest} days, after the previous letter's term`, { min: earliest, previous: previous.step });
  }
}

export const creditPolicySchema = z
  .object({
    paymentTermsDays: days(0, 365),
    assumedReceiptDays: days(0, 10),
    handoverMarginDays: days(0, 60),
    promiseGraceDays: days(0, 30),
    planBreaksAfterDaysLate: days(0, 90),
    ladders: z.record(z.string().min(1).max(60), ladderSchema),
    defaultLadder: z.string().min(1),
    segments: z.record(z.string().min(1).max(60), z.object({ ladder: z.string().min(1), delayDays: days(0, 90) })),
  })
  .superRefine((policy, ctx) => {
    for (const [id, ladder] of Object.entries(policy.ladders)) {
      let lastOrder = -1;
      ladder.steps.forEach((step, index) => {
        const path = ['ladders', id, 'steps', index];
        const order = DUNNING_STEPS.indexOf(step.step);
        if (order <= lastOrder) addRule(ctx, [...path, 'step'], 'stepOrder', `Steps must follow the order ${DUNNING_STEPS.join(', ')}, each once`);
        lastOrder = Math.max(lastOrder, order);
        checkStep(ctx, path, step, index, ladder.steps[index - 1], policy.assumedReceiptDays);
      });
    }
    if (!policy.ladders[policy.defaultLadder]) addRule(ctx, ['defaultLadder'], 'unknownLadder', `No ladder "${policy.defaultLadder}"`, { ladder: policy.defaultLadder });
    for (const [segment, strategy] of Object.entries(policy.segments)) {
      if (!policy.ladders[strategy.ladder]) addRule(ctx, ['segments', segment, 'ladder'], 'unknownLadder', `No ladder "${strategy.ladder}"`, { ladder: strategy.ladder });
    }
  }) satisfies z.ZodType<CreditPolicy>;

/** An edited credit policy, checked: the policy, or every field that is wrong and why. */
export function validateCreditPolicy(input: unknown): Validated<CreditPolicy> {
  return validateWith<CreditPolicy>(creditPolicySchema, input);
}
