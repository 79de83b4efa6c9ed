import type { CurrencyCode, Money } from '../../money/money';

/**
 * A debtor's (or the portfolio's) figures in one currency that has no usable exchange rate on the as-of
 * date, in that currency itself. They are left out of the converted figures, and carried here so that no
 * screen, report or export shows them as nothing: "€ 1.234,56 + £ 12.345,00 not converted".
 */
export interface UnconvertedFigures {
  readonly openMinor: number;
  readonly overdueMinor: number;
  /** Open invoices less unused credit notes and unapplied cash in this currency, never below zero. */
  readonly exposureMinor: number;
  /** Open invoices per ageing bucket. */
  readonly bucketsMinor: readonly number[];
  /** How many debtors owe in this currency without a rate (1 in a debtor's own summary). */
  readonly debtorCount: number;
}

export type UnconvertedByCurrency = Readonly<Record<CurrencyCode, UnconvertedFigures>>;

/** The figures a screen shows next to a converted one. */
export type UnconvertedFigure = 'openMinor' | 'overdueMinor' | 'exposureMinor';

interface MutableFigures {
  openMinor: number;
  overdueMinor: number;
  exposureMinor: number;
  bucketsMinor: number[];
  debtorCount: number;
}

/** Adds one summary's unconverted figures into a running total (the portfolio's, a country's). */
export function addUnconverted(target: Record<CurrencyCode, MutableFigures>, source: UnconvertedByCurrency | undefined): void {
  // for…in over the summary's own plain object: Object.entries allocated an array for every debtor, twice per
  // debtor in a portfolio summary, though almost every debtor has nothing unconverted (issue 14).
  for (const currency in source) {
    if (!Object.hasOwn(source, currency)) continue;
    const figures = source[currency]!;
    const total = (target[currency] ??= { openMinor: 0, overdueMinor: 0, exposureMinor: 0, bucketsMinor: [], debtorCount: 0 });
    total.openMinor += figures.openMinor;
    total.overdueMinor += figures.overdueMinor;
    total.exposureMinor += figures.exposureMinor;
    total.debtorCount += figures.debtorCount;
    figures.bucketsMinor.forEach((amount, index) => {
      total.bucketsMinor[index] = (total.bucketsMinor[index] ?? 0) + amount;
    });
  }
}

/** One figure's unconverted amounts, each in its own currency (zeros left out), in currency order. */
export function unconvertedAmounts(byCurrency: UnconvertedByCurrency | undefined, figure: UnconvertedFigure | ((figures: UnconvertedFigures) => number)): Money[] {
  const read = typeof figure === 'function' ? figure : (figures: UnconvertedFigures) => figures[figure];
  return Object.entries(byCurrency ?? {})
    .map(([currency, figures]) => ({ amountMinor: read(figures), currency }))
    .filter((amount) => amount.amountMinor !== 0)
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Whether anything at all is left unconverted. */
export function hasUnconverted(byCurrency: UnconvertedByCurrency | undefined): boolean {
  return Object.values(byCurrency ?? {}).some((figures) => figures.openMinor !== 0 || figures.exposureMinor !== 0 || figures.overdueMinor !== 0);
}
