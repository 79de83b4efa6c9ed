import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { texts } from '../locale-texts';

export class PortfolioPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    this.table = page.getByRole('table', { name: texts(language).portfolio.tableLabel });
    this.rows = this.table.getByRole('rowgroup').nth(1).getByRole('row');
    this.summary = page.getByTestId('portfolio-summary');
  }
}
