import type { Conversion, ExchangeRateTable } from '../../money/exchange-rates';
import { fromDayNumber, toDayNumber, type IsoDate } from '../../time/iso-date';
import { ageingBuckets, type AgeingConfig } from '../ageing/ageing-config';
import { AgeingTable, EXTRA_COLUMNS } from '../ageing/ageing-table';
import { ScratchArena } from '../ageing/scratch-arena';
import { averageDaysDelinquent, bestPossibleDso, standardDso } from '../kpi/collection-kpis';
import { computeExposure } from '../exposure/exposure';
import type { LedgerChunkNumbers } from '../ledger/ledger-chunk';
import { effectiveLimitOn, internalLimitOn, limitStateOf, upcomingLimitOn, type CreditLimit } from '../limits/credit-limit';
import type { InsurancePolicy } from '../policy/insurance-policy';
import { chunkSums } from './chunk-sums';
import { KPI_WINDOW_DAYS, type DebtorSummary } from './debtor-summary';
import type { UnconvertedFigures } from './unconverted';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface SummaryContext {
  readonly asOf: IsoDate;
  readonly policy: InsurancePolicy;
  readonly rates: ExchangeRateTable;
  readonly ageing: AgeingConfig;
  readonly limitsOf: (debtorId: string) => readonly CreditLimit[];
}

/** summariseChunk's own, for chunkSums: nothing else it calls uses this storage, so no call can reuse it while in use. */
const scratch = new ScratchArena();

const EXTRA_COLUMN_COUNT = Object.keys(EXTRA_COLUMNS).length;

/** effectiveLimitOn of no limits. */
const NO_LIMIT = { amountMinor: 0, source: 'none' } as const;

/**
 * One debtor's sums in each of the chunk's currencies, converted to the policy currency and added: the sum
 * in currency `c` is `values[offset + c * stride]`. A currency without a rate is left out and named in
 * `unconverted` (once, in the order first met). A plain function rather than a closure per debtor: it
 * runs ten times for each of 20,000 debtors in a tier-L refresh.
 */
function convertSums(values: Float64Array, offset: number, stride: number, toPolicy: readonly (Conversion | undefined)[], codes: readonly string[], unconverted: string[]): number {
  let total = 0;
  for (let currency = 0; currency < toPolicy.length; currency += 1) {
    const amount = values[offset + currency * stride]!;
    if (amount === 0) continue;
    const conversion = toPolicy[currency];
    if (conversion) total += conversion.amount(amount);
    else if (!unconverted.includes(codes[currency]!)) unconverted.push(codes[currency]!);
  }
  return total;
}

/**
 * Computes the summary of every debtor in a ledger chunk from its columns' sums (chunkSums: ageing now and 90
 * days ago, sales, days late, last payment, counts). Amounts are summed per currency in whole minor units
 * and converted to the policy currency at the as-of date's rate, one sum at a time (so a bucket may differ
 * by a cent from converting each invoice, as in any multi-currency ledger).
 *
 * Written for tier L (issue 14: every summary of 20,000 debtors and a million items in ≤ 0.4 s): the
 * columns are read in three passes (chunkSums), each currency's rate is resolved once per chunk, and per
 * debtor the sums are read straight from the typed tables instead of through per-currency arrays and closures.
 */
export function summariseChunk(numbers: LedgerChunkNumbers, context: SummaryContext): DebtorSummary[] {
  const asOfDay = toDayNumber(context.asOf);
  const slots = numbers.debtorIds.length;
  const currencyCodes = numbers.currencies;
  const currencies = currencyCodes.length;
  const ageingColumns = ageingBuckets(context.ageing);
  const bucketCount = ageingColumns.length;
  const sums = chunkSums(numbers, asOfDay, context.ageing, bucketCount, scratch);
  const now = new AgeingTable(slots, currencyCodes, bucketCount, sums.now);
  const { openCount, overdueCount, oldestDue, lastPayment } = sums;

  const { policy, rates, asOf } = context;
  // A policy read before this rule (or a partial one in a test) has no bound: own limits then count as set.
  const discretionaryBound = policy.discretionaryLimitMax ? { discretionaryMaxMinor: policy.discretionaryLimitMax.amountMinor, currency: policy.currency } : undefined;
  // With due-date ageing, overdue is every bucket but "not due": taken from the converted buckets, so the
  // overdue figure and the buckets beside it add up to the cent (converting each sum apart could differ by one).
  const notDueBucket = ageingColumns[0]?.isNotDue ?? false;
  // Each chunk currency's conversion to the policy currency on the as-of date, its rate looked up once.
  const toPolicy: (Conversion | undefined)[] = currencyCodes.map((code) => rates.conversion(code, policy.currency, asOf));
  const width = bucketCount + EXTRA_COLUMN_COUNT;
  const nowCells = now.cells;
  return numbers.debtorIds.map((debtorId, slot) => {
    // Currencies left out for want of a rate, in the order first met (the order `unconvertedCurrencies` lists them).
    const unconverted: string[] = [];
    const sumsAt = slot * currencies;
    const extraAt = slot * currencies * width + bucketCount;
    // Buckets are converted together so they add up to the converted open total, whatever the date.
    const bucketsMinor = new Array<number>(bucketCount).fill(0);
    const openByCurrency: Record<string, number> = {};
    for (let currency = 0; currency < currencies; currency += 1) {
      const start = (slot * currencies + currency) * width;
      let openNative = 0;
      let hasOpen = false;
      for (let bucket = 0; bucket < bucketCount; bucket += 1) {
        const amount = nowCells[start + bucket]!;
        openNative += amount;
        if (amount !== 0) hasOpen = true;
      }
      if (openNative !== 0) openByCurrency[currencyCodes[currency]!] = openNative;
      if (!hasOpen) continue;
      const conversion = toPolicy[currency];
      if (!conversion) {
        if (!unconverted.includes(currencyCodes[currency]!)) unconverted.push(currencyCodes[currency]!);
        continue;
      }
      if (currencyCodes[currency] === policy.currency) {
        // The policy's own currency converts to itself: its buckets are added as they are (no arrays to copy).
        for (let bucket = 0; bucket < bucketCount; bucket += 1) bucketsMinor[bucket] = bucketsMinor[bucket]! + nowCells[start + bucket]!;
        continue;
      }
      const native = new Array<number>(bucketCount);
      for (let bucket = 0; bucket < bucketCount; bucket += 1) native[bucket] = nowCells[start + bucket]!;
      const converted = conversion.parts(native);
      for (let bucket = 0; bucket < bucketCount; bucket += 1) bucketsMinor[bucket] = bucketsMinor[bucket]! + converted[bucket]!;
    }
    let openMinor = 0;
    for (let bucket = 0; bucket < bucketCount; bucket += 1) openMinor += bucketsMinor[bucket]!;
    const creditsMinor = convertSums(nowCells, extraAt + EXTRA_COLUMNS.credits, width, toPolicy, currencyCodes, unconverted);
    const unappliedCashMinor = convertSums(nowCells, extraAt + EXTRA_COLUMNS.unappliedCash, width, toPolicy, currencyCodes, unconverted);
    const disputedMinor = convertSums(nowCells, extraAt + EXTRA_COLUMNS.disputed, width, toPolicy, currencyCodes, unconverted);
    const sales90Minor = convertSums(sums.sales, sumsAt, 1, toPolicy, currencyCodes, unconverted);
    const limits = context.limitsOf(debtorId);
    // Insured: the insurer's limit in force, else the discretionary one within the policy's bound; the internal limit for over-limit.
    // A debtor without limits (a few thousand at tier L) has none of them: what the four look-ups below give for [].
    const hasLimits = limits.length > 0;
    const limit = hasLimits ? effectiveLimitOn(limits, asOf, discretionaryBound) : NO_LIMIT;
    const internalLimitMinor = hasLimits ? internalLimitOn(limits, asOf) : undefined;
    const upcomingLimit = hasLimits ? upcomingLimitOn(limits, asOf) : undefined;
    // One shape of input for every debtor (an absent internal limit is undefined, which computeExposure reads alike).
    const exposure = computeExposure({ openInvoicesMinor: openMinor, creditsMinor, unappliedCashMinor, disputedMinor, limitMinor: limit.amountMinor, internalLimitMinor, insuredPercentageBp: policy.insuredPercentageBp });
    const receivables = openMinor + creditsMinor - unappliedCashMinor;
    const dso = standardDso(receivables, sales90Minor, KPI_WINDOW_DAYS);
    const notDue = notDueBucket ? bucketsMinor[0]! : 0;
    const bestPossible = bestPossibleDso(notDue, sales90Minor, KPI_WINDOW_DAYS);
    const overdueMinor = notDueBucket ? openMinor - bucketsMinor[0]! : convertSums(sums.overdue, sumsAt, 1, toPolicy, currencyCodes, unconverted);
    const receivables90DaysAgoMinor = convertSums(sums.beforeNet, sumsAt, 1, toPolicy, currencyCodes, unconverted);
    const daysLate = { weightedDaysMinor: convertSums(sums.lateWeighted, sumsAt, 1, toPolicy, currencyCodes, unconverted), amountMinor: convertSums(sums.latePaid, sumsAt, 1, toPolicy, currencyCodes, unconverted) };
    const daysLateRecent = { weightedDaysMinor: convertSums(sums.recentWeighted, sumsAt, 1, toPolicy, currencyCodes, unconverted), amountMinor: convertSums(sums.recentPaid, sumsAt, 1, toPolicy, currencyCodes, unconverted) };
    // What could not be converted stays in its own currency, so no screen shows it as nothing.
    const unconvertedFigures: Record<string, UnconvertedFigures> = {};
    if (unconverted.length > 0) currencyCodes.forEach((code, index) => {
      if (!unconverted.includes(code)) return;
      const native = now.buckets(slot, code);
      const open = native.reduce((sum, amount) => sum + amount, 0);
      const exposure = Math.max(0, open + now.extra(slot, code, 'credits') - now.extra(slot, code, 'unappliedCash'));
      const overdueNative = notDueBucket ? open - native[0]! : sums.overdue[sumsAt + index]!;
      if (open === 0 && exposure === 0 && overdueNative === 0) return;
      unconvertedFigures[code] = { openMinor: open, overdueMinor: overdueNative, exposureMinor: exposure, bucketsMinor: [...native], debtorCount: 1 };
    });
    const hasOpen = openCount[slot]! > 0;
    // Every summary is made by this one literal, its optional fields added after: an object literal with
    // spreads (`...exposure`, `...(upcoming && …)`) is built property by property at run time, and that was
    // the largest share of summarising a tier-L portfolio (Chromium CPU profile, issue 14).
    const summary: Mutable<DebtorSummary> = {
      debtorId,
      country: numbers.debtorCountries[slot]!,
      asOf,
      currency: policy.currency,
      openMinor,
      overdueMinor,
      bucketsMinor,
      creditsMinor,
      unappliedCashMinor,
      disputedMinor,
      exposureMinor: exposure.exposureMinor,
      limitMinor: exposure.limitMinor,
      availableMinor: exposure.availableMinor,
      utilisation: exposure.utilisation,
      overLimitMinor: exposure.overLimitMinor,
      insuredExposureMinor: exposure.insuredExposureMinor,
      uninsuredMinor: exposure.uninsuredMinor,
      indemnityMinor: exposure.indemnityMinor,
      limitSource: limit.source,
      limitState: hasLimits ? limitStateOf(limits, asOf) : 'NONE',
      openItemCount: openCount[slot]!,
      overdueItemCount: overdueCount[slot]!,
      oldestDueDate: hasOpen ? fromDayNumber(oldestDue[slot]!) : undefined,
      maxDaysOverdue: hasOpen ? Math.max(0, asOfDay - oldestDue[slot]!) : 0,
      lastPaymentDate: lastPayment[slot]! >= 0 ? fromDayNumber(lastPayment[slot]!) : undefined,
      sales90Minor,
      receivables90DaysAgoMinor,
      daysLate,
      daysLateRecent,
      dso,
      bestPossibleDso: bestPossible,
      averageDaysDelinquent: averageDaysDelinquent(dso, bestPossible),
      openByCurrency,
      unconvertedCurrencies: unconverted,
      unconverted: unconvertedFigures,
    };
    if (exposure.internalLimitMinor !== undefined) summary.internalLimitMinor = exposure.internalLimitMinor;
    if (upcomingLimit) summary.upcomingLimit = upcomingLimit;
    return summary;
  });
}
