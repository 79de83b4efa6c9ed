import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import type { IsoDate } from '../../../../shared/time/iso-date';

/**
 * What the data worker does for the UI: everything that writes much or reads much, off the UI thread so
 * the window never freezes (PRODUCT.md: tier L must stay interactive).
 */
export interface DataApi {
  /** Generates the demo portfolio (tier S) as of `today` and stores it in one transaction. */
  openDemoPortfolio(request: { readonly today: IsoDate; readonly at: string }, onProgress?: (done: number, total: number) => void): Promise<PortfolioSummary>;
  /** Recomputes the summaries when they were last computed before `today` (buckets move every day). */
  refreshSummariesIfStale(request: { readonly today: IsoDate }): Promise<PortfolioSummary | undefined>;
}
