import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { texts } from '../locale-texts';

export class PortfolioPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly asOf: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    this.table = page.getByRole('table', { name: texts(language).portfolio.tableLabel });
    this.rows = this.table.getByRole('rowgroup').nth(1).getByRole('row');
    this.asOf = page.getByTestId('portfolio-as-of');
  }

  /** The value shown on a KPI card: exposure, overdue, uninsured, dso or cei. */
  kpiValue(card: 'exposure' | 'overdue' | 'uninsured' | 'dso' | 'cei'): Locator {
    return this.page.getByTestId(`kpi-${card}`).locator('strong');
  }
}
