import type { FieldError, Validated } from '../domain/dunning/field-errors';
import { isIsoDate, type IsoDate } from '../time/iso-date';
import { parseRate, type ExchangeRate } from './exchange-rates';
import { isCurrencyCode } from './money';

/** A rate as typed under Settings › Exchange rates: 1 `base` = `rate` `quote` on `date`. */
export interface ManualRateInput {
  readonly date: string;
  readonly base: string;
  readonly quote: string;
  readonly rate: string;
  /** The controller ticked "The rate is right" after being told it is far from the previous one. */
  readonly confirmed: boolean;
}

/**
 * How far a typed rate may be from the pair's previous one before Kredo asks for confirmation: 50 %. Daily
 * moves of the currencies Kredo's customers invoice in stay within a few percent; a rate half again (or
 * half) the last one is nearly always a slip — the pair typed the wrong way round (0.8723 for 1.1464), a
 * digit too many — and converting a portfolio with it would move every total. It is not refused: a
 * currency may really have been devalued, so the controller confirms.
 */
export const IMPLAUSIBLE_CHANGE = 0.5;

/** A typed rate's digits with "." as its decimal mark: "1,1464" and "1.1464" alike; grouping is not accepted. */
export function normaliseRateText(text: string): string | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+(?:[.,]\d+)?$/.test(compact)) return undefined;
  const normal = compact.replace(',', '.').replace(/^0+(?=\d)/, '');
  return /^0*(?:\.0*)?$/.test(normal) ? undefined : normal;
}

/** The relative change from `previous` to `next` as a ratio (0.62 = 62 %), from the exact rates. */
function relativeChange(previous: string, next: string, inverted: boolean): number {
  const given = parseRate(previous);
  const a = inverted ? { numerator: given.denominator, denominator: given.numerator } : given;
  const b = parseRate(next);
  // (b / a) − 1, with the fractions cross-multiplied in BigInt; only the final ratio becomes a number.
  const numerator = b.numerator * a.denominator - a.numerator * b.denominator;
  const denominator = a.numerator * b.denominator;
  return Number((numerator * 1_000_000n) / denominator) / 1_000_000;
}

/**
 * Checks a typed rate: known, different currencies (ISO 4217), a real date not after today, a positive
 * decimal of sensible precision, and — against the pair's latest earlier rate (`previous`, either way round
 * already turned to base/quote) — no change over IMPLAUSIBLE_CHANGE unless confirmed. Every problem comes
 * back with its field, so the form shows each next to its input; nothing is stored unless all check out.
 */
export function validateManualRate(
  input: ManualRateInput,
  context: { readonly today: IsoDate; readonly previous?: { readonly date: IsoDate; readonly rate: string; /** stored as 1 quote = rate base */ readonly inverted?: boolean } },
): Validated<ExchangeRate & { readonly source: 'manual' }> {
  const errors: FieldError[] = [];
  const problem = (field: string, code: string, params?: Record<string, unknown>) => errors.push({ field, code, message: code, ...(params && { params }) });
  const base = input.base.trim().toUpperCase();
  const quote = input.quote.trim().toUpperCase();
  if (base === '') problem('base', 'required');
  else if (!isCurrencyCode(base)) problem('base', 'unknownCurrency', { value: input.base.trim() });
  if (quote === '') problem('quote', 'required');
  else if (!isCurrencyCode(quote)) problem('quote', 'unknownCurrency', { value: input.quote.trim() });
  else if (quote === base) problem('quote', 'sameCurrency');
  const date = input.date.trim();
  if (date === '') problem('date', 'required');
  else if (!isIsoDate(date)) problem('date', 'invalidDate');
  else if (date > context.today) problem('date', 'futureDate');
  const rate = normaliseRateText(input.rate);
  if (input.rate.trim() === '') problem('rate', 'required');
  else if (rate === undefined) problem('rate', 'notPositive');
  else if (!/^\d{1,9}(?:\.\d{1,12})?$/.test(rate)) problem('rate', 'tooPrecise');
  else if (context.previous && !input.confirmed) {
    const change = relativeChange(context.previous.rate, rate, context.previous.inverted ?? false);
    if (Math.abs(change) > IMPLAUSIBLE_CHANGE) problem('rate', 'implausible', { change, date: context.previous.date, previous: context.previous.rate });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { date: date as IsoDate, base, quote, rate: rate!, source: 'manual' } };
}
