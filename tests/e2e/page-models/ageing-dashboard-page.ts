import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { fill, texts } from '../locale-texts';

/** The Ageing screen's dashboard, addressed by role and by the texts of the given language. */
export class AgeingDashboardPage {
  readonly progress: Locator;
  readonly portfolioTable: Locator;
  readonly countryTable: Locator;
  readonly currencyTable: Locator;
  readonly trendTable: Locator;
  readonly concentrationTable: Locator;
  readonly concentrationRows: Locator;
  readonly lossInput: Locator;
  readonly marginInput: Locator;
  readonly lossResult: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
    currency = 'EUR',
  ) {
    const ageing = texts(language).ageing;
    const tableOf = (title: string) => page.getByRole('table', { name: fill(ageing.chart.table, { title }), exact: true });
    this.progress = page.getByTestId('ageing-progress');
    this.portfolioTable = tableOf(ageing.portfolio.title);
    this.countryTable = tableOf(ageing.country.title);
    this.currencyTable = tableOf(ageing.currency.title);
    this.trendTable = tableOf(ageing.trend.title);
    this.concentrationTable = page.getByRole('table', { name: ageing.concentration.title, exact: true });
    this.concentrationRows = this.concentrationTable.getByRole('rowgroup').nth(1).getByRole('row');
    this.lossInput = page.getByRole('textbox', { name: fill(ageing.costOfLoss.amount, { currency }) });
    this.marginInput = page.getByRole('textbox', { name: ageing.costOfLoss.margin });
    this.lossResult = page.getByTestId('cost-of-loss-result');
  }

  /** The body rows of one of the figure tables. */
  bodyRows(table: Locator): Locator {
    return table.getByRole('rowgroup').nth(1).getByRole('row');
  }

  /** The portfolio row's amounts: one per ageing bucket, then the total. */
  portfolioAmounts(): Locator {
    return this.bodyRows(this.portfolioTable).first().getByRole('cell');
  }

  /** Types a new net margin, as a controller would: select what is there and type over it. */
  async setMargin(text: string): Promise<void> {
    await this.marginInput.fill(text);
  }
}
