import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { texts } from '../locale-texts';
import { AppShellPage } from './app-shell-page';

/** Settings › Backups. */
export class BackupsPage {
  readonly section: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly status: Locator;
  readonly confirmDialog: Locator;
  private readonly backups;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    this.backups = texts(language).settings.backups;
    this.section = page.getByRole('region', { name: this.backups.title });
    this.table = this.section.getByRole('table', { name: this.backups.tableLabel });
    this.rows = this.table.getByRole('rowgroup').nth(1).getByRole('row');
    this.status = this.section.getByRole('status');
    this.confirmDialog = page.getByRole('dialog', { name: this.backups.confirmTitle });
  }

  async open(): Promise<void> {
    await new AppShellPage(this.page, this.language).open('settings');
  }

  rowFor(reason: keyof ReturnType<typeof texts>['settings']['backups']['reasons']): Locator {
    return this.rows.filter({ hasText: this.backups.reasons[reason] });
  }

  async backUpNow(): Promise<void> {
    await this.section.getByRole('button', { name: this.backups.backUpNow }).click();
  }

  async restore(row: Locator): Promise<void> {
    await row.getByRole('button', { name: this.backups.restore }).click();
    await this.confirmDialog.getByRole('button', { name: this.backups.confirm }).click();
  }

  async exportBackup(row: Locator): Promise<void> {
    await row.getByRole('button', { name: this.backups.export }).click();
  }

  async restoreFromFile(): Promise<void> {
    await this.section.getByRole('button', { name: this.backups.importFile }).click();
    await this.confirmDialog.getByRole('button', { name: this.backups.confirm }).click();
  }
}
