import { z } from 'zod';
import { isCurrencyCode, type CurrencyCode } from '../../money/money';
import { addDays, isIsoDate, toDayNumber, type IsoDate } from '../../time/iso-date';
import type { DebtorLedger } from '../ledger/ledger-types';
import { validateWith, type Validated } from './field-errors';
import { dayTotalReaches, paymentsReceived, totalOf } from './payments-received';

/** "We'll pay €5,000 on Friday": what a debtor promised on a call, for some invoices or its whole account. */
export interface PromiseToPay {
  readonly id: string;
  readonly debtorId: string;
  /** The invoices promised; empty when the promise is for the account as a whole. */
  readonly itemIds: readonly string[];
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  /** The day the promise was made: payments from this day on count towards it. */
  readonly promisedOn: IsoDate;
  /** The day the money was promised by. */
  readonly dueOn: IsoDate;
}

const businessDate = z.custom<IsoDate>(isIsoDate, 'not a YYYY-MM-DD date');

export const promiseToPaySchema = z
  .object({
    id: z.string().min(1),
    debtorId: z.string().min(1),
    itemIds: z.array(z.string().min(1)),
    amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 code'),
    promisedOn: businessDate,
    dueOn: businessDate,
  })
  .superRefine((promise, ctx) => {
    if (promise.dueOn < promise.promisedOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'A promise falls due on or after the day it was made', params: { reason: 'dueBeforePromised' } });
  }) satisfies z.ZodType<PromiseToPay>;

/** A promise as recorded from a call, checked. */
export function validatePromise(input: unknown): Validated<PromiseToPay> {
  return validateWith(promiseToPaySchema, input);
}

export type PromiseStatus = 'open' | 'kept' | 'broken';

export interface PromiseAssessment {
  readonly promise: PromiseToPay;
  readonly status: PromiseStatus;
  /** Paid towards the promise in its window (promise day to due day plus grace), so far. */
  readonly paidMinor: number;
  /** What is still missing to keep it (0 once kept). */
  readonly shortfallMinor: number;
  /** When it was kept (the day the money reached the amount) or broken (the day after the grace ran out). */
  readonly settledOn: IsoDate | undefined;
}

/**
 * The day `days` banking days (Monday to Friday) after `date`: money promised for a Friday and sent that
 * day arrives on Monday, and the weekend must not break the promise. Bank holidays are not known here;
 * the grace is meant to be generous enough to absorb them.
 */
export function addBankingDays(date: IsoDate, days: number): IsoDate {
  let day = toDayNumber(date);
  for (let left = days; left > 0; ) {
    day += 1;
    // Day 0 (1970-01-01) was a Thursday: (day + 4) % 7 is 0 on Sundays and 6 on Saturdays.
    const weekday = (day + 4) % 7;
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return addDays(date, day - toDayNumber(date));
}

/**
 * Kept when the payments towards the promise reach its amount by its due date plus `graceDays` banking days; broken
 * once that day has passed without; open before. Decided from the ledger alone, so an imported bank
 * statement settles promises without anyone ticking a box.
 */
export function assessPromise(promise: PromiseToPay, ledger: DebtorLedger, today: IsoDate, graceDays: number): PromiseAssessment {
  const lastDay = addBankingDays(promise.dueOn, graceDays);
  const through = today < lastDay ? today : lastDay;
  const received = paymentsReceived(ledger, { itemIds: promise.itemIds, currency: promise.currency, from: promise.promisedOn, through });
  const paidMinor = totalOf(received);
  const keptOn = dayTotalReaches(received, promise.amountMinor);
  const shortfallMinor = Math.max(0, promise.amountMinor - paidMinor);
  if (keptOn) return { promise, status: 'kept', paidMinor, shortfallMinor: 0, settledOn: keptOn };
  if (today > lastDay) return { promise, status: 'broken', paidMinor, shortfallMinor, settledOn: addDays(lastDay, 1) };
  return { promise, status: 'open', paidMinor, shortfallMinor, settledOn: undefined };
}
