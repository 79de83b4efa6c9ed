import { expect, type Locator, type Page } from '@playwright/test';
import { FORMAT_LOCALE, type Language } from '../../../shared/i18n/languages';
import { fill, texts } from '../locale-texts';

/** The portfolio screen: KPI cards and the virtualised grid of every debtor, with its toolbar and filters. */
export class PortfolioPage {
  readonly grid: Locator;
  /** The grid rows currently rendered (a virtualised grid renders those in view, plus a few). */
  readonly rows: Locator;
  readonly columnHeaders: Locator;
  readonly count: Locator;
  readonly asOf: Locator;
  readonly search: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    const portfolio = texts(language).portfolio;
    this.grid = page.getByRole('grid', { name: portfolio.grid.label });
    this.rows = this.grid.getByRole('rowgroup').nth(1).getByRole('row');
    this.columnHeaders = this.grid.getByRole('columnheader');
    this.count = page.getByTestId('grid-count');
    this.asOf = page.getByTestId('portfolio-as-of');
    this.search = page.getByRole('searchbox', { name: portfolio.grid.search });
  }

  /** The value shown on a KPI card: exposure, overdue, uninsured, dso or cei. */
  kpiValue(card: 'exposure' | 'overdue' | 'uninsured' | 'dso' | 'cei'): Locator {
    return this.page.getByTestId(`kpi-${card}`).locator('strong');
  }

  /** Waits until the grid says it shows `shown` of `total` debtors. */
  async expectCount(shown: number, total: number): Promise<void> {
    const format = new Intl.NumberFormat(FORMAT_LOCALE[this.language]);
    const template = total === 1 ? texts(this.language).portfolio.grid.count_one : texts(this.language).portfolio.grid.count_other;
    await expect(this.count).toHaveText(fill(template, { shown: format.format(shown), total: format.format(total) }));
  }

  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader', { name, exact: true });
  }

  async sortBy(name: string): Promise<void> {
    await this.columnHeader(name).getByRole('button').click();
  }

  /** The text of one column for the rendered rows, top to bottom. */
  async columnTexts(name: string): Promise<string[]> {
    const headers = await this.columnHeaders.allTextContents();
    const index = headers.findIndex((text) => text.replace(/[▲▼]/g, '').trim() === name);
    if (index < 0) throw new Error(`No column ${name} among ${headers.join(', ')}`);
    return this.rows.evaluateAll((rows, column) => rows.map((row) => row.querySelectorAll('[role="gridcell"]')[column]?.textContent ?? ''), index);
  }

  filter(label: string): Locator {
    return this.page.getByRole('group', { name: texts(this.language).portfolio.filters.legend }).getByLabel(label, { exact: true });
  }
}
