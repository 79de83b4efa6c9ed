import path from 'node:path';
import { expect, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { ImportsPage } from './page-models/imports-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);
const en = texts('en');

test('an ERP export and a CAMT.053 statement imported through the screen change the portfolio', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const imports = new ImportsPage(kredo.page, 'en');
  kredo.answerFileDialogs({ openFiles: [fixture('exact-online-open-items.csv')] });
  await imports.chooseFilesButton.click();

  // The Exact Online columns are recognised; the controller only confirms.
  await expect(imports.wizard.getByText(fill(en.imports.mapping.presetApplied, { preset: 'Exact Online' }))).toBeVisible();
  await expect(imports.columnFor('openAmount')).toHaveValue('5');
  await imports.readFileButton.click();
  await expect(imports.changeLine('newDebtors', 6)).toBeVisible();
  await expect(imports.changeLine('newItems', 9)).toBeVisible();
  await imports.commit();

  await new AppShellPage(kredo.page, 'en').open('portfolio');
  const portfolio = new PortfolioPage(kredo.page, 'en');
  // Overdue in EUR on 24 November: 2026-0101 €1,234.56, 2026-0102 €4,500.00, 2026-0105 €640.00, 2026-0106 €9,870.00.
  await expect(portfolio.kpiValue('overdue')).toHaveText('€16,244.56');
  await expect(portfolio.rows).toHaveCount(6);

  await imports.open();
  kredo.answerFileDialogs({ openFiles: [fixture('camt053-v02-abn-amro.xml')] });
  await imports.chooseFilesButton.click();
  await imports.readFileButton.click();
  // Four payments found by invoice number or betalingskenmerk; J. Jansen's €50 is nobody's; the bank fee goes out.
  await expect(imports.changeLine('booked', 4)).toBeVisible();
  await expect(imports.changeLine('toReview', 1)).toBeVisible();
  await expect(imports.changeLine('notReceipts', 1)).toBeVisible();
  await imports.commit();

  await new AppShellPage(kredo.page, 'en').open('portfolio');
  // Left overdue: €2,500.00 of 2026-0102 after the partial payment of €2,000.00.
  await expect(portfolio.kpiValue('overdue')).toHaveText('€2,500.00');

  await imports.open();
  await expect(imports.reviewSection.getByRole('row', { name: /J\. Jansen/ })).toBeVisible();
  await imports.reviewSection.getByRole('button', { name: en.imports.review.assign }).click();
  await imports.assignDialog.getByRole('textbox').fill('Bakker');
  await imports.assignDialog.getByRole('radio', { name: /Bakker Bouw/ }).check();
  await imports.assignDialog.getByRole('button', { name: en.imports.review.confirmAssign }).click();
  await expect(imports.reviewSection).toBeHidden();
  await expect(imports.history.getByRole('row')).toHaveCount(3);
});
