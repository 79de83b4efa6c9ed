import { SUMMARY_VERSION, type DebtorSummary } from './debtor-summary';
import { summarisePortfolio, type PortfolioSummary } from './portfolio-summary';

/** The figures of a debtor summary that follow from its limits (summariseChunk: exposure against the limit). */
const LIMIT_FIGURES = new Set(['limitMinor', 'internalLimitMinor', 'availableMinor', 'utilisation', 'overLimitMinor', 'insuredExposureMinor', 'uninsuredMinor', 'indemnityMinor', 'limitSource', 'limitState', 'upcomingLimit']);
/** The portfolio figures added up from those; every other portfolio figure adds up what a limit does not change. */
const PORTFOLIO_LIMIT_FIGURES = ['limitMinor', 'insuredExposureMinor', 'uninsuredMinor', 'overLimitMinor', 'overLimitCount', 'indemnityMinor'] as const;

const otherFigures = (summary: DebtorSummary): string => JSON.stringify(summary, (key, value: unknown) => (LIMIT_FIGURES.has(key) ? undefined : value));

/**
 * The portfolio after some debtors' limits changed, from its stored figures and those debtors' summaries
 * before and after, instead of adding up all 20,000 summaries again (issue 14: a sync costs what it
 * changes). The limit figures move by the difference summarisePortfolio finds between the two sets, so they
 * come out exactly as adding everything up would. Undefined when anything but the limits differs between
 * `before` and `after` (another day, other terms, other debtors): the caller then adds everything up.
 */
export function portfolioAfterLimitChanges(
  portfolio: PortfolioSummary,
  before: readonly DebtorSummary[],
  after: readonly DebtorSummary[],
  context: Parameters<typeof summarisePortfolio>[1],
): PortfolioSummary | undefined {
  if (before.length !== after.length || portfolio.summaryVersion !== SUMMARY_VERSION || portfolio.asOf !== context.asOf || portfolio.currency !== context.currency) return undefined;
  for (let index = 0; index < before.length; index += 1) {
    if (before[index]!.debtorId !== after[index]!.debtorId || otherFigures(before[index]!) !== otherFigures(after[index]!)) return undefined;
  }
  const was = summarisePortfolio(before, context);
  const now = summarisePortfolio(after, context);
  const moved = Object.fromEntries(PORTFOLIO_LIMIT_FIGURES.map((field) => [field, portfolio[field] + now[field] - was[field]]));
  return { ...portfolio, ...moved };
}
