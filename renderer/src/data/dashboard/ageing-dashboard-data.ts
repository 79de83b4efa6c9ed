import type { AgeingBucket, AgeingConfig } from '../../../../shared/domain/ageing/ageing-config';
import type { TrendPoint } from '../../../../shared/domain/dashboard/ageing-trend';
import type { Concentration, ExposureShare } from '../../../../shared/domain/dashboard/concentration';
import type { PortfolioAsOf } from '../../../../shared/domain/dashboard/portfolio-as-of';
import type { CurrencyCode } from '../../../../shared/money/money';
import type { IsoDate } from '../../../../shared/time/iso-date';

/** One of the largest exposures, with the debtor's name and country for the list. */
export interface ConcentrationEntry extends ExposureShare {
  readonly name: string;
  readonly country: string;
}

/**
 * Everything the ageing dashboard shows that has to be computed from the ledgers (the data worker's
 * `ageingDashboard`). The KPIs and the exposure against limits come from the stored portfolio summary.
 */
export interface AgeingDashboardData {
  readonly asOf: IsoDate;
  /** The policy currency every converted amount is in. */
  readonly currency: CurrencyCode;
  readonly ageing: AgeingConfig;
  /** The buckets of `ageing`, in order, to label the figures with. */
  readonly buckets: readonly AgeingBucket[];
  /** The portfolio, per country and per invoice currency, as of `asOf`. */
  readonly current: PortfolioAsOf;
  /** The last twelve month-ends and `asOf`, oldest first. */
  readonly trend: readonly TrendPoint[];
  /** Where the ledgers' history begins: the trend does not reach back before it. */
  readonly historyStart: IsoDate | undefined;
  readonly concentration: Omit<Concentration, 'top'> & { readonly top: readonly ConcentrationEntry[] };
}
