import type { IsoDate } from '../../time/iso-date';
import type { Exposure } from '../exposure/exposure';
import type { DaysLateSums } from '../kpi/collection-kpis';
import type { LimitSource, LimitState, UpcomingLimit } from '../limits/credit-limit';
import type { UnconvertedByCurrency } from './unconverted';

/**
 * Everything the portfolio needs to know about one debtor, as of one date, in the policy currency. Kept in
 * the store and refreshed whenever the debtor's ledger changes (and daily), so the portfolio opens and
 * sorts without reading a single invoice. It also carries the sums that add up into portfolio KPIs.
 */
export interface DebtorSummary extends Exposure {
  readonly debtorId: string;
  /** The debtor's country, copied here so portfolio breakdowns and grid filters need no join. */
  readonly country: string;
  readonly asOf: IsoDate;
  /** The policy currency all amounts below are in. */
  readonly currency: string;
  readonly openMinor: number;
  readonly overdueMinor: number;
  /** Open invoices per ageing bucket (see the policy's ageing configuration). */
  readonly bucketsMinor: readonly number[];
  readonly creditsMinor: number;
  readonly unappliedCashMinor: number;
  readonly disputedMinor: number;
  /** Where the limit in `limitMinor` comes from. */
  readonly limitSource: LimitSource | 'none';
  /** The limit's status, kept here so the portfolio grid needs no read of the limits themselves. */
  readonly limitState: LimitState;
  /** A limit decided with a start date still to come (SCHEDULED): its date and amount, shown instead of 0. */
  readonly upcomingLimit?: UpcomingLimit;
  readonly openItemCount: number;
  readonly overdueItemCount: number;
  readonly oldestDueDate: IsoDate | undefined;
  readonly maxDaysOverdue: number;
  readonly lastPaymentDate: IsoDate | undefined;
  /** Net sales (invoices less credit notes) in the 90 days up to the as-of date. */
  readonly sales90Minor: number;
  /** Net receivables 90 days before the as-of date, for the collection effectiveness index. */
  readonly receivables90DaysAgoMinor: number;
  /** Payments of the last 365 days, weighted by days late (per-invoice ADD). */
  readonly daysLate: DaysLateSums;
  /** The same for the last 90 days only: set against `daysLate`, it shows whether payment is getting worse. */
  readonly daysLateRecent: DaysLateSums;
  readonly dso: number | undefined;
  readonly bestPossibleDso: number | undefined;
  readonly averageDaysDelinquent: number | undefined;
  /** Open invoices per currency, unconverted. */
  readonly openByCurrency: Readonly<Record<string, number>>;
  /** Currencies whose amounts could not be converted for lack of a rate (left out of the totals). */
  readonly unconvertedCurrencies: readonly string[];
  /** Those currencies' open, overdue and exposure figures, unconverted: shown beside the converted ones, never as zero. */
  readonly unconverted: UnconvertedByCurrency;
}

/** The number of days in the DSO and CEI window: a quarter, the common choice. */
export const KPI_WINDOW_DAYS = 90;
/**
 * The version of the summary formulas. Stored with the portfolio summary: when the app finds summaries made
 * by older formulas (a field added, a rule changed) it recomputes them, as it does on a new day.
 */
export const SUMMARY_VERSION = 8;
/** How far back payment behaviour (days late) looks. */
export const PAYMENT_BEHAVIOUR_DAYS = 365;
