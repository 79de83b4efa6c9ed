import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { texts } from '../locale-texts';

type TableKind = 'NL_HANDELSRENTE' | 'SE_REFERENSRANTA' | 'UK_BASE_RATE' | 'ECB_MRO';

/** Settings › Interest rates: the statutory-interest tables, adding a rate, importing a rates file. */
export class InterestRatesPage {
  readonly section: Locator;
  readonly form: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    const words = this.words();
    this.section = page.getByRole('region', { name: words.title });
    this.form = this.section.getByRole('form', { name: words.add.title });
  }

  private words() {
    return texts(this.language).settings.interestRates;
  }

  table(kind: TableKind): Locator {
    return this.section.getByRole('table', { name: this.words().kinds[kind].title });
  }

  field(name: 'kind' | 'validFrom' | 'rate' | 'source'): Locator {
    // The first match: a field's error text ("… from 01/01/2026") may name another field's label.
    return this.form.getByLabel(this.words().add.fields[name]).first();
  }

  /** Fills the form and presses Add rate. */
  async addRate(row: { readonly kind: TableKind; readonly from: string; readonly rate: string; readonly source: string }): Promise<void> {
    await this.field('kind').selectOption({ label: this.words().kinds[row.kind].title });
    await this.field('validFrom').fill(row.from);
    await this.field('rate').fill(row.rate);
    await this.field('source').fill(row.source);
    await this.form.getByRole('button', { name: this.words().add.save }).click();
  }

  /** The status line after adding (role status) or the refusal (role alert). */
  outcome(): Locator {
    return this.section.getByRole('status').or(this.section.getByRole('alert')).first();
  }
}
