import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { DialogAnswers } from '../../../electron/chromium-host/host-desktop';
import type { Language } from '../../../shared/i18n/languages';
import { fill, texts } from '../locale-texts';
import { AppShellPage } from './app-shell-page';

/** The Imports screen: files, the open file's import, payments to review and recent imports. */
export class ImportsPage {
  readonly chooseFilesButton: Locator;
  readonly filesTable: Locator;
  readonly wizard: Locator;
  readonly readFileButton: Locator;
  readonly commitButton: Locator;
  readonly progress: Locator;
  readonly changeList: Locator;
  readonly rejectedTable: Locator;
  readonly reviewSection: Locator;
  readonly assignDialog: Locator;
  readonly history: Locator;
  /** The list of files that were not taken in, each with its reason. */
  readonly refusals: Locator;
  private readonly imports;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    this.imports = texts(language).imports;
    const main = page.getByRole('main');
    this.chooseFilesButton = main.getByRole('button', { name: this.imports.chooseFiles });
    this.filesTable = main.getByRole('table', { name: this.imports.files.tableLabel });
    this.wizard = main.locator('.import-wizard');
    this.readFileButton = this.wizard.getByRole('button', { name: this.imports.wizard.read });
    this.commitButton = this.wizard.getByRole('button', { name: this.imports.preview.commit, exact: true });
    this.progress = this.wizard.getByRole('progressbar');
    this.changeList = this.wizard.locator('.change-list');
    this.rejectedTable = this.wizard.getByRole('table', { name: this.imports.rejected.tableLabel });
    this.reviewSection = main.getByRole('region', { name: new RegExp(this.imports.review.title_other.replace(/\(\{\{formatted\}\}\)/, '')) });
    this.assignDialog = page.getByRole('dialog', { name: this.imports.review.assignTitle });
    this.history = main.getByRole('region', { name: this.imports.history.title });
    this.refusals = main.getByRole('alert').filter({ has: page.getByRole('heading', { name: this.imports.notice.refusedTitle }) });
  }

  async open(): Promise<void> {
    await new AppShellPage(this.page, this.language).open('imports');
  }

  /** The select for a field in the column mapping. */
  columnFor(field: keyof ReturnType<typeof texts>['imports']['fields']): Locator {
    return this.wizard.getByRole('combobox', { name: new RegExp(`^${this.imports.fields[field]}`) });
  }

  /** A control of how the file is read (sheet, encoding, separator, header row) or of its conventions. */
  readingControl(control: 'sheet' | 'encoding' | 'delimiter' | 'headerRow' | 'decimal' | 'dateFormat'): Locator {
    // A label around a select names it with the select's value too ("Separator Tab (detected)").
    return this.wizard.getByRole('combobox', { name: new RegExp(`^${this.imports.mapping[control].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  /** An option label as the mapping step shows it for what detection found. */
  detected(option: string): string {
    return fill(this.imports.mapping.detectedOption, { option });
  }

  /** The preview's line for a kind of change, e.g. newDebtors with 6 → "6 new customers". */
  changeLine(key: 'newDebtors' | 'newItems' | 'booked' | 'toReview' | 'notReceipts' | 'duplicates' | 'rejectedRows' | 'matchedByIdentifier' | 'debtorsUpdated' | 'debtorConflicts', count: number): Locator {
    const template = this.imports.preview[`${key}_${count === 1 ? 'one' : 'other'}`];
    return this.changeList.getByText(fill(template, { formatted: String(count) }));
  }

  async commit(): Promise<void> {
    await this.commitButton.click();
    await this.wizard.getByRole('button', { name: this.imports.done.showPortfolio }).waitFor();
  }

  /**
   * Imports a file of `tests/fixtures/imports` as detected, from the Imports screen: chosen in the file
   * dialog (`answerFileDialogs` is the test's `kredo.answerFileDialogs`), read and committed.
   */
  async importFixture(answerFileDialogs: (answers: DialogAnswers) => void, fileName: string): Promise<void> {
    await this.open();
    answerFileDialogs({ openFiles: [path.resolve('tests/fixtures/imports', fileName)] });
    await this.chooseFilesButton.click();
    await this.readFileButton.click();
    await this.commit();
  }

  /** Drops files on the window as a file manager would (a DataTransfer with File objects). */
  async dropFiles(files: readonly { name: string; content: string; type?: string }[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) transfer.items.add(new File([file.content], file.name, { type: file.type ?? 'text/csv' }));
      return transfer;
    }, files);
    await this.page.locator('body').dispatchEvent('dragover', { dataTransfer });
    await this.page.locator('body').dispatchEvent('drop', { dataTransfer });
  }
}
