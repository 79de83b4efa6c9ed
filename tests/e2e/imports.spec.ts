import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_DEBTORS, countStoredRecords } from './demo-portfolio';
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
  // A fresh store has no exchange rates: the GBP and SEK items are said, never counted as zero.
  const notConverted = '£3,400.00 + kr 45,000.00';
  await expect(portfolio.kpiValue('overdue')).toHaveText(fill(en.common.conversion.withNotConverted, { amount: '€16,244.56', amounts: notConverted }));
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
  // The statement was stored over data: what was there before it is kept in a backup (the ERP export came into an empty store).
  const backups = await kredo.host.services.backups.list();
  expect(backups.filter((backup) => backup.reason === 'before-import').map((backup) => backup.debtors)).toEqual([6]);

  await new AppShellPage(kredo.page, 'en').open('portfolio');
  // Left overdue: €2,500.00 of 2026-0102 after the partial payment of €2,000.00.
  await expect(portfolio.kpiValue('overdue')).toHaveText(fill(en.common.conversion.withNotConverted, { amount: '€2,500.00', amounts: notConverted }));

  await imports.open();
  await expect(imports.reviewSection.getByRole('row', { name: /J\. Jansen/ })).toBeVisible();
  await imports.reviewSection.getByRole('button', { name: en.imports.review.assign }).click();
  await imports.assignDialog.getByRole('textbox').fill('Bakker');
  await imports.assignDialog.getByRole('radio', { name: /Bakker Bouw/ }).check();
  await imports.assignDialog.getByRole('button', { name: en.imports.review.confirmAssign }).click();
  await expect(imports.reviewSection).toBeHidden();
  await expect(imports.history.getByRole('row')).toHaveCount(3);
});

test('a file dropped on the window is imported, and each refused row is listed in the user’s language', async ({ kredo }) => {
  const nl = texts('nl');
  await new WelcomePage(kredo.page, 'en').languageSelect.selectOption('nl');
  const imports = new ImportsPage(kredo.page, 'nl');
  const content = await readFile(fixture('open-items-with-errors.csv'), 'utf8');
  await imports.dropFiles([{ name: 'openstaande-posten.csv', content }]);

  await expect(imports.wizard.getByText(fill(nl.imports.mapping.presetApplied, { preset: 'AFAS Profit' }))).toBeVisible();
  await imports.readFileButton.click();
  await expect(imports.changeLine('rejectedRows', 5)).toBeVisible();
  const rows = imports.rejectedTable.getByRole('row');
  await expect(rows.nth(1)).toHaveText(['openstaande-posten.csv', '3', nl.imports.fields.invoiceDate, '31-09-2026', nl.imports.reject.dateInvalid].join(''));
  await expect(rows.nth(4)).toContainText(fill(nl.imports.reject.duplicateInFile, { firstRow: '2' }));
  await imports.commit();
  await expect(imports.history.getByRole('row', { name: /openstaande-posten\.csv/ })).toContainText(fill(nl.imports.history.report.rejectedRows_other, { formatted: '5' }));
});

test.describe(() => {
  test.use({ start: 'demo' });

  test('reading can be stopped, and an import cut off by closing the app leaves the store as it was', async ({ kredo }) => {
    await new PortfolioPage(kredo.page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
    const before = await kredo.page.evaluate(countStoredRecords);

    // 300,000 open items of 3,000 new customers: big enough that saving takes a while.
    const big = path.join(kredo.userDataDir, 'groot-export.csv');
    const lines = ['Debiteurnummer;Naam;Factuurnummer;Factuurdatum;Vervaldatum;Openstaand bedrag'];
    for (let row = 0; row < 300_000; row += 1) lines.push(`K${90_000 + (row % 3_000)};Klant ${row % 3_000};F-${row};01-10-2026;31-10-2026;${(row % 997) + 1},25`);
    await writeFile(big, `${lines.join('\n')}\n`, 'utf8');

    const imports = new ImportsPage(kredo.page, 'en');
    await imports.open();
    kredo.answerFileDialogs({ openFiles: [big] });
    await imports.chooseFilesButton.click();
    await imports.readFileButton.click();
    await imports.wizard.getByRole('button', { name: en.imports.progress.cancel }).click();
    await expect(imports.wizard.getByRole('alert')).toContainText(en.imports.wizard.cancelled);

    await imports.wizard.getByRole('button', { name: en.common.actions.retry }).click();
    await imports.readFileButton.click();
    await expect(imports.changeList.getByText(fill(en.imports.preview.newDebtors_other, { formatted: '3,000' }))).toBeVisible({ timeout: 120_000 });
    await imports.commitButton.click();
    await expect(imports.wizard.getByText(en.imports.progress.saving)).toBeVisible();
    const restarted = await kredo.restart();

    await new PortfolioPage(restarted.page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
    expect(await restarted.page.evaluate(countStoredRecords)).toEqual(before);
    expect(await restarted.page.evaluate(countImports)).toBe(0);
  });
});

test('a file that lands in the watched folder is picked up, imported and moved aside', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const watched = path.join(kredo.userDataDir, 'erp-exports');
  await mkdir(watched);
  await new AppShellPage(kredo.page, 'en').open('settings');
  kredo.answerFileDialogs({ folder: watched });
  await kredo.page.getByRole('button', { name: en.settings.imports.chooseFolder }).click();
  await expect(kredo.page.getByText(fill(en.settings.imports.watching, { folder: watched }))).toBeVisible();

  await copyFile(fixture('ubl-invoice-peppol.xml'), path.join(watched, 'factuur.xml'));
  const imports = new ImportsPage(kredo.page, 'en');
  await imports.open();
  await expect(imports.filesTable.getByRole('row', { name: /factuur\.xml/ })).toContainText(en.imports.files.origins.watched);
  await imports.filesTable.getByRole('button', { name: fill(en.imports.files.openLabel, { name: 'factuur.xml' }) }).click();
  await imports.readFileButton.click();
  await expect(imports.changeLine('newItems', 1)).toBeVisible();
  await imports.commit();
  await expect.poll(() => existsSync(path.join(watched, 'imported', 'factuur.xml'))).toBe(true);
  expect(existsSync(path.join(watched, 'factuur.xml'))).toBe(false);
});

/** How many imports the store's history holds, read with the plain IndexedDB API. */
function countImports(): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('kredo');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const count = request.result.transaction('imports', 'readonly').objectStore('imports').count();
      count.onsuccess = () => {
        request.result.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
  });
}
