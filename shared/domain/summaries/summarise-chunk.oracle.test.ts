/**
 * summariseChunk was rewritten for speed (issue 14: every summary at tier L in ≤ 0.4 s). Its results must
 * not move by a cent or a field: every screen, report and alert reads them, and the stored summaries of a
 * day must equal a recomputation. This test keeps the computation as it was before the rewrite — plain
 * per-currency arrays and closures, easy to check against the rules — and holds the fast one to it on
 * generated portfolios: different seeds and dates, without the rates of some currencies (which then go
 * unconverted), both ageing bases and other bucket boundaries, with and without limits, with and without
 * settlements outside Kredo.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../../time/iso-date';
import { ageChunk } from '../ageing/age-chunk';
import { ageingBuckets, DEFAULT_AGEING, DEFAULT_INVOICE_DATE_AGEING, type AgeingConfig } from '../ageing/ageing-config';
import { AgeingTable } from '../ageing/ageing-table';
import { openAmountsAsOf } from '../ageing/open-as-of';
import { averageDaysDelinquent, bestPossibleDso, standardDso } from '../kpi/collection-kpis';
import { computeExposure } from '../exposure/exposure';
import { encodeLedgerChunk, EXTERNAL_SOURCE, FLAG_CREDIT_NOTE, type LedgerChunkNumbers } from '../ledger/ledger-chunk';
import { effectiveLimitOn, internalLimitOn, limitStateOf, upcomingLimitOn, type CreditLimit } from '../limits/credit-limit';
import { DATA_TIERS } from '../../generator/data-tiers';
import { generateChunks, generateExchangeRates, generatePolicy } from '../../generator/generate-portfolio';
import { planPortfolio } from '../../generator/plan-portfolio';
import { KPI_WINDOW_DAYS, PAYMENT_BEHAVIOUR_DAYS, type DebtorSummary } from './debtor-summary';
import { summariseChunk, type SummaryContext } from './summarise-chunk';
import type { UnconvertedFigures } from './unconverted';

const TODAY = '2026-11-24' as IsoDate;

/** A small generated portfolio (tier S's shape at a quarter of its size) with its limits and rates. */
function portfolio(seed: number) {
  const policy = generatePolicy(TODAY);
  const plan = planPortfolio({ ...DATA_TIERS.S, debtors: 50, items: 1_500, payments: 400 }, { seed, today: TODAY });
  const chunks = [...generateChunks(plan, policy)];
  const limits = new Map<string, CreditLimit[]>();
  for (const chunk of chunks) for (const limit of chunk.limits) limits.set(limit.debtorId, [...(limits.get(limit.debtorId) ?? []), limit]);
  return { policy, rates: generateExchangeRates(seed, TODAY), limits, numbers: chunks.map((chunk) => encodeLedgerChunk(chunk.chunkId, chunk.ledgers, chunk.debtors.map((debtor) => debtor.country)).numbers) };
}

const AGEINGS: readonly AgeingConfig[] = [DEFAULT_AGEING, DEFAULT_INVOICE_DATE_AGEING, { basis: 'due-date', boundaries: [-10, 0, 15, 45, 120, 365] }, { basis: 'invoice-date', boundaries: [0] }];

describe('summariseChunk', () => {
  it('gives every debtor exactly the summary the straightforward computation gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: -800, max: 60 }),
        fc.constantFrom(...AGEINGS),
        fc.boolean(),
        fc.constantFrom([], ['SEK'], ['GBP', 'USD'], ['SEK', 'GBP', 'USD']),
        fc.boolean(),
        fc.boolean(),
        (seed, dayOffset, ageing, withLimits, withoutRates: readonly string[], withOwnLimits, withExternal) => {
          const { policy, rates, limits, numbers: generated } = portfolio(seed);
          const numbers = withExternal ? generated.map(settledElsewhere) : generated;
          const kept = rates.filter((rate) => !withoutRates.includes(rate.base) && !withoutRates.includes(rate.quote));
          const asOf = addDays(TODAY, dayOffset);
          const limitsOf = (debtorId: string, slot: number): readonly CreditLimit[] => [...(withLimits ? (limits.get(debtorId) ?? []) : []), ...(withOwnLimits ? ownLimits(debtorId, slot, asOf) : [])];
          const slotOf = new Map(numbers.flatMap((chunk) => chunk.debtorIds.map((debtorId, slot) => [debtorId, slot] as const)));
          const context: SummaryContext = { asOf, policy, rates: new ExchangeRateTable(kept), ageing, limitsOf: (debtorId) => limitsOf(debtorId, slotOf.get(debtorId) ?? 0) };
          for (const chunk of numbers) expect(summariseChunk(chunk, context)).toStrictEqual(referenceSummariseChunk(chunk, context));
        },
      ),
      { numRuns: 25 },
    );
  });
});

/**
 * Every third allocation made a settlement outside Kredo (EXTERNAL_SOURCE), which the generator never makes:
 * putting back what it settled after a date then touches no payment or credit note.
 */
function settledElsewhere(numbers: LedgerChunkNumbers): LedgerChunkNumbers {
  return { ...numbers, allocationSource: numbers.allocationSource.map((source, row) => (row % 3 === 0 ? EXTERNAL_SOURCE : source)) };
}

/**
 * Limits the generator never makes, so the summaries' optional figures are held to the reference too: an
 * internal limit for every third debtor (some below what it owes) and, for every fourth, a discretionary limit
 * that starts after the date (an upcoming limit, the state SCHEDULED).
 */
function ownLimits(debtorId: string, slot: number, asOf: IsoDate): CreditLimit[] {
  const limit = (source: 'internal' | 'discretionary', amountMinor: number, from: IsoDate): CreditLimit => ({
    debtorId, currency: 'EUR', conditions: [], reasons: [], source, status: 'APPROVED', decidedAmountMinor: amountMinor, decidedOn: addDays(asOf, -30),
    tranches: [{ amountMinor, effectiveFrom: from, kind: 'permanent' }], history: [{ on: addDays(asOf, -30), status: 'APPROVED', amountMinor, note: 'own' }],
  });
  const own: CreditLimit[] = [];
  if (slot % 3 === 0) own.push(limit('internal', (slot % 7) * 150_000, addDays(asOf, -20)));
  if (slot % 4 === 0) own.push(limit('discretionary', 1_000_000, addDays(asOf, 10 + slot)));
  return own;
}

/** Per debtor slot and chunk currency: sums in that currency, converted at the end. */
class SlotSums {
  readonly values: Float64Array;
  constructor(
    readonly slots: number,
    readonly currencies: number,
  ) {
    this.values = new Float64Array(slots * currencies);
  }
  add(slot: number, currency: number, amount: number): void {
    const cell = slot * this.currencies + currency;
    this.values[cell] = this.values[cell]! + amount;
  }
  get(slot: number, currency: number): number {
    return this.values[slot * this.currencies + currency]!;
  }
}

/** summariseChunk as it was before issue 14's rewrite, word for word: straightforward, and slow at tier L. */
function referenceSummariseChunk(numbers: LedgerChunkNumbers, context: SummaryContext): DebtorSummary[] {
  const asOfDay = toDayNumber(context.asOf);
  const slots = numbers.debtorIds.length;
  const currencies = numbers.currencies.length;
  const bucketCount = ageingBuckets(context.ageing).length;
  const identity = { groupOfSlot: Int32Array.from({ length: slots }, (_, slot) => slot), tableCurrencyOf: Int32Array.from({ length: currencies }, (_, index) => index) };

  const now = new AgeingTable(slots, numbers.currencies, bucketCount);
  ageChunk(numbers, asOfDay, context.ageing, identity, now);
  const before = new AgeingTable(slots, numbers.currencies, bucketCount);
  ageChunk(numbers, asOfDay - KPI_WINDOW_DAYS, context.ageing, identity, before);

  const sales = new SlotSums(slots, currencies);
  const overdue = new SlotSums(slots, currencies);
  const lateWeighted = new SlotSums(slots, currencies);
  const latePaid = new SlotSums(slots, currencies);
  const recentWeighted = new SlotSums(slots, currencies);
  const recentPaid = new SlotSums(slots, currencies);
  const openCount = new Int32Array(slots);
  const overdueCount = new Int32Array(slots);
  const oldestDue = new Int32Array(slots).fill(0x7fffffff);
  const lastPayment = new Int32Array(slots).fill(-1);

  const open = openAmountsAsOf(numbers, asOfDay).itemOpen;
  for (let row = 0; row < numbers.itemDebtor.length; row += 1) {
    const slot = numbers.itemDebtor[row]!;
    const currency = numbers.itemCurrency[row]!;
    const invoiceDay = numbers.itemInvoiceDay[row]!;
    if (invoiceDay > asOfDay - KPI_WINDOW_DAYS && invoiceDay <= asOfDay) sales.add(slot, currency, numbers.itemAmount[row]!);
    if (open[row]! <= 0 || numbers.itemFlags[row]! & FLAG_CREDIT_NOTE) continue;
    const dueDay = numbers.itemDueDay[row]!;
    openCount[slot] = openCount[slot]! + 1;
    if (dueDay < oldestDue[slot]!) oldestDue[slot] = dueDay;
    if (dueDay < asOfDay) {
      overdueCount[slot] = overdueCount[slot]! + 1;
      overdue.add(slot, currency, open[row]!);
    }
  }
  for (let row = 0; row < numbers.allocationItem.length; row += 1) {
    const source = numbers.allocationSource[row]!;
    const day = numbers.allocationDay[row]!;
    if (source < 0 || day > asOfDay || day <= asOfDay - PAYMENT_BEHAVIOUR_DAYS) continue;
    const item = numbers.allocationItem[row]!;
    const slot = numbers.itemDebtor[item]!;
    const amount = numbers.allocationAmount[row]!;
    const currency = numbers.itemCurrency[item]!;
    const weighted = amount * Math.max(0, day - numbers.itemDueDay[item]!);
    latePaid.add(slot, currency, amount);
    lateWeighted.add(slot, currency, weighted);
    if (day > asOfDay - KPI_WINDOW_DAYS) {
      recentPaid.add(slot, currency, amount);
      recentWeighted.add(slot, currency, weighted);
    }
  }
  for (let row = 0; row < numbers.paymentDebtor.length; row += 1) {
    const slot = numbers.paymentDebtor[row]!;
    const day = numbers.paymentDay[row]!;
    if (day <= asOfDay && day > lastPayment[slot]!) lastPayment[slot] = day;
  }

  const { policy, rates, asOf } = context;
  // A policy read before this rule (or a partial one in a test) has no bound: own limits then count as set.
  const discretionaryBound = policy.discretionaryLimitMax ? { discretionaryMaxMinor: policy.discretionaryLimitMax.amountMinor, currency: policy.currency } : undefined;
  // With due-date ageing, overdue is every bucket but "not due": taken from the converted buckets, so the
  // overdue figure and the buckets beside it add up to the cent (converting each sum apart could differ by one).
  const notDueBucket = ageingBuckets(context.ageing)[0]?.isNotDue ?? false;
  return numbers.debtorIds.map((debtorId, slot) => {
    const unconverted = new Set<string>();
    const convert = (amountOf: (currencyIndex: number, code: string) => number): number => {
      let total = 0;
      numbers.currencies.forEach((code, index) => {
        const amount = amountOf(index, code);
        if (amount === 0) return;
        if (!rates.has(code, policy.currency, asOf)) {
          unconverted.add(code);
          return;
        }
        total += rates.convert({ amountMinor: amount, currency: code }, policy.currency, asOf).amountMinor;
      });
      return total;
    };
    // Buckets are converted together so they add up to the converted open total, whatever the date.
    const bucketsMinor = new Array<number>(bucketCount).fill(0);
    for (const code of numbers.currencies) {
      const native = now.buckets(slot, code);
      if (native.every((amount) => amount === 0)) continue;
      if (!rates.has(code, policy.currency, asOf)) {
        unconverted.add(code);
        continue;
      }
      rates.convertParts(native, code, policy.currency, asOf).forEach((amount, bucket) => {
        bucketsMinor[bucket] = bucketsMinor[bucket]! + amount;
      });
    }
    const openMinor = bucketsMinor.reduce((sum, amount) => sum + amount, 0);
    const creditsMinor = convert((_index, code) => now.extra(slot, code, 'credits'));
    const unappliedCashMinor = convert((_index, code) => now.extra(slot, code, 'unappliedCash'));
    const disputedMinor = convert((_index, code) => now.extra(slot, code, 'disputed'));
    const sales90Minor = convert((index) => sales.get(slot, index));
    const limits = context.limitsOf(debtorId);
    // Insured: the insurer's limit in force, else the discretionary one within the policy's bound; the internal limit for over-limit.
    const limit = effectiveLimitOn(limits, asOf, discretionaryBound);
    const internalLimitMinor = internalLimitOn(limits, asOf);
    const upcomingLimit = upcomingLimitOn(limits, asOf);
    const exposure = computeExposure({ openInvoicesMinor: openMinor, creditsMinor, unappliedCashMinor, disputedMinor, limitMinor: limit.amountMinor, ...(internalLimitMinor !== undefined && { internalLimitMinor }), insuredPercentageBp: policy.insuredPercentageBp });
    const receivables = openMinor + creditsMinor - unappliedCashMinor;
    const dso = standardDso(receivables, sales90Minor, KPI_WINDOW_DAYS);
    const notDue = notDueBucket ? bucketsMinor[0]! : 0;
    const bestPossible = bestPossibleDso(notDue, sales90Minor, KPI_WINDOW_DAYS);
    const openByCurrency: Record<string, number> = {};
    numbers.currencies.forEach((code) => {
      const amount = now.totalOpen(slot, code);
      if (amount !== 0) openByCurrency[code] = amount;
    });
    // What could not be converted stays in its own currency, so no screen shows it as nothing.
    const unconvertedFigures: Record<string, UnconvertedFigures> = {};
    numbers.currencies.forEach((code, index) => {
      if (!unconverted.has(code)) return;
      const native = now.buckets(slot, code);
      const open = native.reduce((sum, amount) => sum + amount, 0);
      const exposure = Math.max(0, open + now.extra(slot, code, 'credits') - now.extra(slot, code, 'unappliedCash'));
      const overdueNative = notDueBucket ? open - native[0]! : overdue.get(slot, index);
      if (open === 0 && exposure === 0 && overdueNative === 0) return;
      unconvertedFigures[code] = { openMinor: open, overdueMinor: overdueNative, exposureMinor: exposure, bucketsMinor: [...native], debtorCount: 1 };
    });
    const hasOpen = openCount[slot]! > 0;
    return {
      debtorId,
      country: numbers.debtorCountries[slot]!,
      asOf,
      currency: policy.currency,
      openMinor,
      overdueMinor: notDueBucket ? openMinor - bucketsMinor[0]! : convert((index) => overdue.get(slot, index)),
      bucketsMinor,
      creditsMinor,
      unappliedCashMinor,
      disputedMinor,
      ...exposure,
      limitSource: limit.source,
      limitState: limitStateOf(limits, asOf),
      ...(upcomingLimit && { upcomingLimit }),
      openItemCount: openCount[slot]!,
      overdueItemCount: overdueCount[slot]!,
      oldestDueDate: hasOpen ? fromDayNumber(oldestDue[slot]!) : undefined,
      maxDaysOverdue: hasOpen ? Math.max(0, asOfDay - oldestDue[slot]!) : 0,
      lastPaymentDate: lastPayment[slot]! >= 0 ? fromDayNumber(lastPayment[slot]!) : undefined,
      sales90Minor,
      receivables90DaysAgoMinor: convert((_index, code) => before.net(slot, code)),
      daysLate: { weightedDaysMinor: convert((index) => lateWeighted.get(slot, index)), amountMinor: convert((index) => latePaid.get(slot, index)) },
      daysLateRecent: { weightedDaysMinor: convert((index) => recentWeighted.get(slot, index)), amountMinor: convert((index) => recentPaid.get(slot, index)) },
      dso,
      bestPossibleDso: bestPossible,
      averageDaysDelinquent: averageDaysDelinquent(dso, bestPossible),
      openByCurrency,
      unconvertedCurrencies: [...unconverted],
      unconverted: unconvertedFigures,
    };
  });
}
