import path from 'node:path';
import { expect, test, type KredoApp } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { ImportsPage } from './page-models/imports-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);
const en = texts('en');

/** Imports Van der Velde Verpakkingen's open items (the Exact Online export) into a fresh store. */
async function openItemsImported(imports: ImportsPage, kredo: KredoApp): Promise<void> {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  kredo.answerFileDialogs({ openFiles: [fixture('exact-online-open-items.csv')] });
  await imports.chooseFilesButton.click();
  await imports.readFileButton.click();
  await expect(imports.changeLine('newItems', 9)).toBeVisible();
  await imports.commit();
}

/** Chooses a bank file and reads it, up to "what this import will change". */
async function readBankFile(imports: ImportsPage, kredo: KredoApp, name: string): Promise<void> {
  await imports.open();
  kredo.answerFileDialogs({ openFiles: [fixture(name)] });
  await imports.chooseFilesButton.click();
  await imports.readFileButton.click();
}

test('a CAMT.053 statement, then the MT940 of the same account and day: nothing is booked twice', async ({ kredo }) => {
  const imports = new ImportsPage(kredo.page, 'en');
  await openItemsImported(imports, kredo);

  await readBankFile(imports, kredo, 'camt053-v02-ing-batch.xml');
  // The batch's two payments and Smit's payment less the bank's charges; the returned refund and the fee are not receipts.
  await expect(imports.changeLine('booked', 3)).toBeVisible();
  await expect(imports.changeLine('notReceipts', 2)).toBeVisible();
  await imports.commit();
  await new AppShellPage(kredo.page, 'en').open('portfolio');
  const portfolio = new PortfolioPage(kredo.page, 'en');
  const exposure = await portfolio.kpiValue('exposure').textContent();

  await readBankFile(imports, kredo, 'mt940-ing-2026-11-24.sta');
  await expect(imports.filesTable.getByRole('row', { name: /mt940-ing-2026-11-24\.sta/ })).toContainText(en.imports.files.kinds.mt940);
  // The MT940 books the batch as one line of 3,100.00: recognised as the two payments already booked.
  await expect(imports.changeLine('duplicates', 2)).toBeVisible();
  await expect(imports.wizard.getByText(en.imports.preview.nothingToChange)).toBeVisible();
  await expect(imports.commitButton).toBeDisabled();
  await new AppShellPage(kredo.page, 'en').open('portfolio');
  await expect(portfolio.kpiValue('exposure')).toHaveText(exposure!);
});

test('a BgMax file from Bankgirot is matched by OCR number, and the bank’s CAMT.054 of the same payments changes nothing', async ({ kredo }) => {
  const imports = new ImportsPage(kredo.page, 'en');
  await openItemsImported(imports, kredo);

  await imports.open();
  kredo.answerFileDialogs({ openFiles: [fixture('bgmax-bankgirot.txt')] });
  await imports.chooseFilesButton.click();
  await expect(imports.filesTable.getByRole('row', { name: /bgmax-bankgirot\.txt/ })).toContainText(en.imports.files.kinds.bgmax);
  await expect(imports.wizard.getByText('BGMAX')).toBeVisible();
  await imports.readFileButton.click();
  // Lindqvist Bygg paid 45,000 kr with the OCR number of invoice 2026-0103; Ekström's reference is nobody's; a deduction is no receipt.
  await expect(imports.changeLine('booked', 1)).toBeVisible();
  await expect(imports.changeLine('toReview', 1)).toBeVisible();
  await expect(imports.changeLine('notReceipts', 1)).toBeVisible();
  await imports.commit();
  await imports.open();
  await expect(imports.reviewSection.getByRole('row', { name: /Ekström Måleri AB/ })).toBeVisible();

  await readBankFile(imports, kredo, 'camt054-bankgiro-credit.xml');
  await expect(imports.changeLine('duplicates', 2)).toBeVisible();
  await expect(imports.wizard.getByText(en.imports.preview.nothingToChange)).toBeVisible();
  await expect(imports.commitButton).toBeDisabled();
});
