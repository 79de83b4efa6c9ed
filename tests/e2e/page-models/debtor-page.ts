import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { texts } from '../locale-texts';

/** A debtor's page, opened from the portfolio grid. */
export class DebtorPage {
  readonly heading: Locator;
  readonly riskScore: Locator;
  readonly riskFactors: Locator;
  readonly notes: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    const debtor = texts(language).debtor;
    this.heading = page.getByRole('heading', { level: 1 });
    this.riskScore = page.getByTestId('risk-score');
    this.riskFactors = page.getByRole('table', { name: debtor.risk.factorsLabel }).getByRole('rowgroup').nth(1).getByRole('row');
    this.notes = this.section(debtor.notes.title);
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  async factorPoints(): Promise<number[]> {
    const cells = await this.riskFactors.locator('td.numeric').allTextContents();
    return cells.map((text) => Number(/\d+/.exec(text)?.[0]));
  }

  async addNote(text: string): Promise<void> {
    const debtor = texts(this.language).debtor;
    await this.notes.getByLabel(debtor.notes.label).fill(text);
    await this.notes.getByRole('button', { name: debtor.notes.add }).click();
  }
}
