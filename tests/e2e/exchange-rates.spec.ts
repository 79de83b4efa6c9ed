import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AgeingDashboardPage } from './page-models/ageing-dashboard-page';
import { AppShellPage } from './page-models/app-shell-page';
import { ImportsPage } from './page-models/imports-page';
import { LimitsPage } from './page-models/limits-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { RatesPage } from './page-models/rates-page';
import { WelcomePage } from './page-models/welcome-page';

const fixture = (name: string) => path.resolve('tests/fixtures/rates', name);
const en = texts('en');

/**
 * Issue 13, "Done when": a fresh store imports open items in EUR, SEK and GBP, is told which rates are
 * missing (nothing shown as €0), imports the ECB's rates file made for the test, and the portfolio, the
 * Limits screen, the ageing and the export then equal a figure worked out by hand from the file's rates (GBP 0.87230, SEK
 * 11.0515 per euro on 24 November 2026), converting each debtor's amounts once, half up to the cent:
 *
 *   Harbour Tools    £14,845.00 / 0.87230 = €17,018.23   of which overdue £12,345.00 = €14,152.24
 *   Nordlund Maskin  125,000.00 kr / 11.0515 = €11,310.68 of which overdue 85,000.00 kr = €7,691.26
 *   Bakker Bouw      €4,234.56                           of which overdue €1,234.56
 *   Total            €32,563.47                          overdue €23,078.06
 */
test('amounts in currencies without a rate are never shown as zero, and the ECB’s rates convert them to the cent', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const imports = new ImportsPage(kredo.page, 'en');
  kredo.answerFileDialogs({ openFiles: [fixture('open-items-eur-sek-gbp.csv')] });
  await imports.chooseFilesButton.click();
  await imports.readFileButton.click();
  await expect(imports.changeLine('newDebtors', 3)).toBeVisible();
  await imports.commit();

  const shell = new AppShellPage(kredo.page, 'en');
  await shell.open('portfolio');
  const portfolio = new PortfolioPage(kredo.page, 'en');
  const rates = new RatesPage(kredo.page, 'en');
  await expect(rates.notice).toContainText(fill(en.common.conversion.ratesMissing, { currency: 'EUR', currencies: 'GBP, SEK' }));
  // Not "€1,234.56": the pounds and kronor are there, unconverted.
  await expect(portfolio.kpiValue('overdue')).toHaveText(/^€1,234\.56 \+ £12,345\.00 \+ .*85,000\.00 not converted$/);
  await expect(portfolio.kpiValue('exposure')).toHaveText(/^€4,234\.56 \+ £14,845\.00 \+ .*125,000\.00 not converted$/);
  await expect(portfolio.grid.getByRole('row', { name: /Harbour Tools/ })).toContainText('£14,845.00 not converted');
  await saveScreenshot(kredo.page, 'portfolio-not-converted-en');
  await shell.open('limits');
  await expect(rates.notice).toContainText(fill(en.common.conversion.ratesMissing, { currency: 'EUR', currencies: 'GBP, SEK' }));
  await shell.open('portfolio');

  await rates.addRatesButton.click();
  await expect(rates.heading).toBeFocused();
  await expect(rates.missingTable.getByRole('row')).toHaveCount(3);
  await expect(rates.missingTable.getByRole('row', { name: /GBP/ })).toContainText('£14,845.00');
  await saveScreenshot(kredo.page, 'exchange-rates-missing-en');

  // A rate typed wrong changes nothing and says why next to each field.
  await rates.field('base').fill('XYZ');
  await rates.field('quote').fill('EUR');
  await rates.field('rate').fill('-1,15');
  await rates.saveRateButton.click();
  // Polled: the messages appear once the form has checked the input, not necessarily by the time the click returns.
  await expect.poll(() => rates.problemOf('base')).toBe(fill(en.settings.rates.manual.errors.unknownCurrency, { value: 'XYZ' }));
  await expect.poll(() => rates.problemOf('rate')).toBe(en.settings.rates.manual.errors.notPositive);
  await expect(rates.missingTable.getByRole('row')).toHaveCount(3);

  kredo.answerFileDialogs({ openFile: fixture('eurofxref-daily-2026-11-24.xml') });
  await rates.importButton.click();
  await expect(rates.section.getByRole('status')).toContainText(fill(en.settings.rates.imported_other, { formatted: '3', file: 'eurofxref-daily-2026-11-24.xml', source: 'ECB', from: '24/11/2026', to: '24/11/2026' }));
  await expect(rates.allConverted).toHaveText(fill(en.settings.rates.missing.none, { currency: 'EUR' }));
  await expect(rates.ratesTable.getByRole('row', { name: /1 EUR = 0\.87230 GBP/ })).toContainText('ECB');

  await shell.open('portfolio');
  await expect(rates.notice).toBeHidden();
  await expect(portfolio.kpiValue('exposure')).toHaveText('€32,563.47');
  await expect(portfolio.kpiValue('overdue')).toHaveText('€23,078.06');

  // No limits on these debtors: the Limits screen's uncovered exposure is each debtor's converted exposure.
  await shell.open('limits');
  const limits = new LimitsPage(kredo.page, 'en');
  await expect(rates.notice).toBeHidden();
  await expect(limits.alerts.getByRole('row', { name: /Harbour Tools/ })).toContainText('€17,018.23');
  await expect(limits.alerts.getByRole('row', { name: /Nordlund Maskin/ })).toContainText('€11,310.68');
  await expect(limits.alerts.getByRole('row', { name: /Bakker Bouw/ })).toContainText('€4,234.56');

  await shell.open('ageing');
  const ageing = new AgeingDashboardPage(kredo.page, 'en');
  await expect(ageing.portfolioAmounts()).toHaveText(['€9,485.41', '€8,925.82', '€14,152.24', '€0.00', '€0.00', '€32,563.47']);
  await expect(rates.notice).toBeHidden();

  await shell.open('portfolio');
  const csvFile = path.join(kredo.userDataDir, 'debtors.csv');
  kredo.answerFileDialogs({ saveTo: csvFile });
  await kredo.page.getByRole('button', { name: en.common.export.csv }).click();
  await expect(kredo.page.getByTestId('export-status')).toContainText(csvFile);
  const [header, ...records] = Papa.parse<string[]>((await readFile(csvFile, 'utf8')).slice(1), { skipEmptyLines: true }).data;
  expect(header).not.toContain(en.portfolio.conversion.notConvertedColumn);
  const column = (name: string) => header!.indexOf(`${name} (EUR)`);
  const total = (name: string) => records.reduce((sum, record) => sum + Math.round(Number(record[column(name)]) * 100), 0);
  expect(records).toHaveLength(3);
  expect(total(en.portfolio.columns.exposure)).toBe(3_256_347);
  expect(total(en.portfolio.columns.overdue)).toBe(2_307_806);
});
