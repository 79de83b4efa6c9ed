import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { texts } from '../locale-texts';
import { PortfolioPage } from './portfolio-page';

/** The insurer sync as a user meets it: the top bar's indicator, the debtor page's request panel, the Limits screen. */
export class LimitsPage {
  readonly syncStatus: Locator;
  readonly syncNow: Locator;
  readonly requestPanel: Locator;
  readonly openRequest: Locator;
  readonly requests: Locator;
  readonly reductions: Locator;
  readonly changes: Locator;
  readonly toast: Locator;
  /** The Limits screen's table of debtors whose exposure is not covered. */
  readonly alerts: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    const { sync, limits } = texts(language);
    this.syncStatus = page.getByTestId('sync-status');
    this.syncNow = page.getByRole('button', { name: sync.indicator.syncNow });
    this.requestPanel = page.getByRole('region', { name: limits.request.title });
    this.openRequest = page.getByTestId('open-request');
    this.requests = page.getByTestId('limit-requests');
    this.reductions = page.getByTestId('pending-reductions');
    this.changes = page.getByTestId('insurer-changes');
    this.toast = page.getByRole('alert').filter({ hasText: sync.changes.show });
    this.alerts = page.getByTestId('limit-alerts');
  }

  /** Waits until a sync has finished with the given outcome. */
  async expectSyncStatus(status: 'idle' | 'offline' | 'failed'): Promise<void> {
    await expect(this.syncStatus).toHaveAttribute('data-status', status, { timeout: 60_000 });
  }

  /**
   * Waits until the first sync after opening has finished: `idle` alone is also the state before it has
   * started, and a test that goes offline then catches the first (full) sync half-way.
   */
  async expectFirstSyncDone(): Promise<void> {
    await this.expectSyncStatus('idle');
    await expect(this.syncStatus).not.toContainText(texts(this.language).sync.indicator.never, { timeout: 60_000 });
  }

  /** Opens a debtor's page from the portfolio grid by searching its name. */
  async openDebtor(name: string): Promise<void> {
    const portfolio = new PortfolioPage(this.page, this.language);
    await portfolio.search.fill(name);
    await portfolio.rows.first().getByRole('button', { name }).click();
  }

  async requestLimit(amountText: string): Promise<void> {
    const { limits } = texts(this.language);
    await this.requestPanel.getByLabel(limits.request.amount.replace(' ({{currency}})', ''), { exact: false }).fill(amountText);
    await this.requestPanel.getByRole('button', { name: new RegExp(limits.request.send.replace(': {{type}}', '')) }).click();
  }

  sandboxButton(which: 'decideNow' | 'announceReduction' | 'maintenance'): Locator {
    return this.requestPanel.getByRole('button', { name: texts(this.language).limits.sandbox[which] });
  }
}
