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

  /** How many items the Open and Paid tabs of the invoices list count. */
  async itemCounts(): Promise<{ open: number; paid: number }> {
    const tabs = this.section(texts(this.language).debtor.items.title).getByRole('tab');
    const [open, paid] = (await tabs.allTextContents()).map((text) => Number(/\d+/.exec(text.replace(/[\s.,\u00a0]/g, ''))?.[0]));
    return { open: open!, paid: paid! };
  }

  /** "Merge with…": picks the other debtor in the dialog (by its name and customer number) and returns the dialog. */
  async chooseMerge(otherName: string, otherCode: string): Promise<Locator> {
    const merge = texts(this.language).debtor.merge;
    await this.page.getByRole('button', { name: merge.open }).click();
    const dialog = this.page.getByRole('dialog', { name: merge.title });
    await dialog.getByRole('radio', { name: `${otherName} ${otherCode}` }).check();
    return dialog;
  }

  /** The Own limits panel: a discretionary or internal limit set by the controller. */
  get ownLimits(): Locator {
    return this.section(texts(this.language).debtor.ownLimit.title);
  }

  /** Fills the Own limits form and presses Set limit; what happens next is for the test to check. */
  async setOwnLimit(values: { readonly kind: 'discretionary' | 'internal'; readonly amount: string; readonly condition?: 'paymentExperience' | 'creditReport'; readonly conditionDate?: string; readonly reason: string }): Promise<void> {
    const own = texts(this.language).debtor.ownLimit;
    const form = this.ownLimits.getByRole('form', { name: own.title });
    await form.getByLabel(own.kind).selectOption(values.kind);
    await form.getByLabel(own.amount).fill(values.amount);
    if (values.condition) {
      await form.getByLabel(own.condition).selectOption(values.condition);
      await form.getByLabel(own.conditionDate[values.condition]).fill(values.conditionDate ?? '');
    }
    await form.getByLabel(own.note).fill(values.reason);
    await form.getByRole('button', { name: own.save }).click();
  }

  async addNote(text: string): Promise<void> {
    const debtor = texts(this.language).debtor;
    await this.notes.getByLabel(debtor.notes.label).fill(text);
    await this.notes.getByRole('button', { name: debtor.notes.add }).click();
  }
}
