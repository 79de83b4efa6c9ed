import { z } from 'zod';
import { parseAmount } from '../import/parse-amount';
import { minorUnitDigits, toDecimalString } from '../money/money';
import { PERIOD_ID } from '../domain/turnover/declaration-period';

/**
 * A turnover declaration on its way to the insurer and the insurer's receipt (issue 18 item 4; canonical API
 * insurer-apis.md §3.2: `POST /v1/policies/{policyId}/turnover-declarations {period, lines:[{country, amount,
 * currency}]} → premium computed`). Amounts travel in Kredo as integer minor units of the policy currency.
 *
 * The Idempotency-Key names one attempt to declare one version of a period (`turnoverKeyOf`): a retry after a
 * lost answer sends the same key and the insurer replays its answer; a later send for the same period is a new
 * version — a correction the insurer books against the first, never a second declaration beside it.
 */
export const turnoverSubmissionSchema = z.strictObject({
  period: z.string().regex(PERIOD_ID),
  currency: z.string().regex(/^[A-Z]{3}$/),
  lines: z
    .array(z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/), amountMinor: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER) }))
    .max(300)
    .refine((lines) => new Set(lines.map((line) => line.country)).size === lines.length, 'one line per country'),
  /** 1 for the first declaration of the period, then 2, 3 … for each correction. */
  version: z.number().int().min(1).max(1_000),
  idempotencyKey: z.string().min(8).max(100),
});
export type TurnoverSubmission = z.infer<typeof turnoverSubmissionSchema>;

export const turnoverReceiptSchema = z.strictObject({
  declarationId: z.string().min(1).max(100),
  period: z.string().regex(PERIOD_ID),
  /** The insurer's own count of declarations for the period. */
  version: z.number().int().min(1).max(1_000),
  /** The declaration this one corrects, when the period had been declared before. */
  correctionOf: z.string().max(100).nullable(),
  status: z.string().max(40),
  totalMinor: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The premium the insurer computed on the declared turnover, when its API says (null otherwise). */
  premiumMinor: z.number().int().nullable(),
  /** The rate it used, as a decimal fraction ("0.0030"), when it says. */
  premiumRate: z.string().max(20).nullable(),
  receivedAt: z.string().max(40),
});
export type TurnoverReceipt = z.infer<typeof turnoverReceiptSchema>;

/** The key of one version of one period's declaration under one policy. */
export const turnoverKeyOf = (policyId: string, period: string, version: number): string => `turnover:${policyId}:${period}:v${version}`;

/** The canonical API's body (§3.2): decimal strings with the currency on every line. */
export function canonicalTurnoverBody(submission: TurnoverSubmission) {
  return { period: submission.period, lines: submission.lines.map((line) => ({ country: line.country, amount: toDecimalString({ amountMinor: line.amountMinor, currency: submission.currency }), currency: submission.currency })) };
}

const answerSchema = z.object({
  declarationId: z.string().min(1).max(100),
  period: z.string().regex(PERIOD_ID),
  version: z.number().int().min(1).max(1_000),
  correctionOf: z.string().max(100).nullable().optional(),
  status: z.string().max(40),
  totalAmount: z.string().regex(/^-?\d{1,15}(\.\d{1,4})?$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
  premium: z.object({ amount: z.string().regex(/^-?\d{1,15}(\.\d{1,4})?$/), currency: z.string().regex(/^[A-Z]{3}$/), rate: z.string().max(20).optional() }).nullable().optional(),
  receivedAt: z.string().max(40),
});

/** The canonical API's answer as Kredo keeps it; undefined when it does not fit (the caller says the answer is bad). */
export function receiptFromCanonical(body: unknown): TurnoverReceipt | undefined {
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const answer = parsed.data;
  const minor = (text: string, currency: string) => {
    const result = parseAmount(text, '.', minorUnitDigits(currency));
    return result.ok ? result.minor : undefined;
  };
  const totalMinor = minor(answer.totalAmount, answer.currency);
  const premiumMinor = answer.premium ? minor(answer.premium.amount, answer.premium.currency) : null;
  if (totalMinor === undefined || premiumMinor === undefined) return undefined;
  return {
    declarationId: answer.declarationId,
    period: answer.period,
    version: answer.version,
    correctionOf: answer.correctionOf ?? null,
    status: answer.status,
    totalMinor,
    currency: answer.currency,
    premiumMinor,
    premiumRate: answer.premium?.rate ?? null,
    receivedAt: answer.receivedAt,
  };
}
