import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { texts } from '../locale-texts';

/** Settings › Exchange rates, and the "not converted" notice that leads there from the other screens. */
export class RatesPage {
  readonly section: Locator;
  readonly heading: Locator;
  readonly importButton: Locator;
  readonly missingTable: Locator;
  readonly allConverted: Locator;
  readonly ratesTable: Locator;
  readonly saveRateButton: Locator;
  /** The notice on Portfolio, Limits and Ageing while a currency has no rate. */
  readonly notice: Locator;
  private readonly rates;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    const all = texts(language);
    this.rates = all.settings.rates;
    this.heading = page.getByRole('heading', { name: this.rates.title, exact: true });
    this.section = page.getByRole('region', { name: this.rates.title, exact: true });
    this.importButton = this.section.getByRole('button', { name: this.rates.importFile });
    this.missingTable = this.section.getByRole('table', { name: this.rates.missing.tableLabel });
    this.allConverted = this.section.getByTestId('rates-missing-none');
    this.ratesTable = this.section.getByRole('table', { name: this.rates.list.tableLabel });
    this.saveRateButton = this.section.getByRole('button', { name: this.rates.manual.save });
    this.notice = page.getByTestId('rates-missing');
  }

  /** The notice's button that opens this screen. */
  get addRatesButton(): Locator {
    return this.notice.getByRole('button', { name: texts(this.language).common.conversion.ratesMissingAction });
  }

  /** A field of "Enter or correct a rate". */
  field(name: 'date' | 'base' | 'quote' | 'rate'): Locator {
    // The label also holds the field's message once there is one, so it is found by how it begins.
    const label = this.rates.manual.fields[name].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.section.locator('label').filter({ hasText: new RegExp(`^${label}`) }).locator('input');
  }

  /** The message shown next to a field, read through the field's aria-describedby. */
  async problemOf(name: 'date' | 'base' | 'quote' | 'rate'): Promise<string> {
    const id = await this.field(name).getAttribute('aria-describedby');
    return id ? ((await this.page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
  }
}
