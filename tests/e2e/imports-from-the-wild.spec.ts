import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { ImportsPage } from './page-models/imports-page';
import { WelcomePage } from './page-models/welcome-page';

/**
 * Files from the wild (issue 12): how a file is read is shown and can be corrected on the mapping step
 * (class 1), every refused file is named with its reason while the others go on (class 4), and the import
 * report keeps every currency (class 8).
 */
const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);
const en = texts('en');

test('a tab-separated export with decimal commas is read as such; how a file is read can be changed and is remembered', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const imports = new ImportsPage(kredo.page, 'en');
  kredo.answerFileDialogs({ openFiles: [fixture('fortnox-kundreskontra-decimalkomma.tsv')] });
  await imports.chooseFilesButton.click();

  // Detected: tab, UTF-8, header on row 1, decimal comma; the Fortnox columns are recognised.
  await expect(imports.readingControl('delimiter')).toHaveValue('\t');
  await expect(imports.readingControl('delimiter').locator('option:checked')).toHaveText(imports.detected(en.imports.mapping.delimiters.tab));
  await expect(imports.readingControl('decimal')).toHaveValue(',');
  await expect(imports.wizard.getByText(fill(en.imports.mapping.presetApplied, { preset: 'Fortnox' }))).toBeVisible();
  const preview = imports.wizard.getByRole('table', { name: en.imports.mapping.previewTitle });
  await expect(preview).toContainText(fill(en.imports.mapping.readAs, { value: 'kr 45,000.00' }));

  // Read with commas instead (what the old guess did): no column maps and reading is not possible…
  await imports.readingControl('delimiter').selectOption(',');
  await expect(imports.readingControl('delimiter')).toHaveValue(',');
  await expect(imports.readFileButton).toBeDisabled();
  await expect(imports.columnFor('openAmount')).toHaveValue('');
  // …and back: the file is read again at once and the mapping comes back.
  await imports.readingControl('delimiter').selectOption('\t');
  await expect(imports.columnFor('openAmount')).toHaveValue('6');
  // The decimal mark changes what the preview reads the amounts as, at once.
  await imports.readingControl('decimal').selectOption('.');
  await expect(preview).toContainText(fill(en.imports.mapping.readAs, { value: 'kr 4,500,000.00' }));
  await imports.readingControl('decimal').selectOption(',');
  await imports.readFileButton.click();
  await expect(imports.changeLine('newItems', 9)).toBeVisible();
  await imports.commit();

  // The report keeps every currency, and says which cannot be converted yet (no rates in a new store).
  await expect(imports.wizard.getByText(/^Open per currency: /)).toContainText('kr 45,000.00');
  await expect(imports.wizard.getByText(/^Open per currency: /)).toContainText('£3,400.00');
  await expect(imports.wizard.getByText(fill(en.imports.done.notConverted, { currencies: 'GBP, SEK' }))).toBeVisible();
});

test('a header detection gets wrong is corrected once, saved, and files of that layout are read that way from then on', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const imports = new ImportsPage(kredo.page, 'en');
  // A home-grown ERP: unknown column names under a report line wider than the header.
  const month = (day: string) => `Report\tOpen items\tper\t${day}-11-2026\tdepartment\tsales\tpage 1\nRel\tDoc\tDd\tVv\tOpenst\n2001\tF-${day}1\t01-10-2026\t31-10-2026\t12,50\n2002\tF-${day}2\t02-10-2026\t01-11-2026\t7,25\n`;
  const november = path.join(kredo.userDataDir, 'export-nov.txt');
  await writeFile(november, month('24'));
  kredo.answerFileDialogs({ openFiles: [november] });
  await imports.chooseFilesButton.click();

  await expect(imports.readingControl('headerRow')).toHaveValue('1');
  await imports.readingControl('headerRow').selectOption('2');
  await expect(imports.readingControl('headerRow').locator('option:checked')).toHaveText(fill(en.imports.mapping.rowNumber, { number: 2 }));
  await imports.columnFor('customerCode').selectOption({ label: 'Rel' });
  await imports.columnFor('invoiceNumber').selectOption({ label: 'Doc' });
  await imports.columnFor('invoiceDate').selectOption({ label: 'Dd' });
  await imports.columnFor('dueDate').selectOption({ label: 'Vv' });
  await imports.columnFor('openAmount').selectOption({ label: 'Openst' });
  // With no known column names there were no dates to tell the format by: the controller says which.
  await expect(imports.wizard.getByText(en.imports.mapping.dateFormatUnknown)).toBeVisible();
  await imports.readingControl('dateFormat').selectOption('DD-MM-YYYY');
  await imports.wizard.getByRole('checkbox', { name: en.imports.mapping.saveProfile }).check();
  await imports.wizard.getByRole('textbox', { name: en.imports.mapping.profileName }).fill('Own ERP');
  await imports.readFileButton.click();
  await expect(imports.changeLine('newItems', 2)).toBeVisible();
  await imports.commit();
  await imports.wizard.getByRole('button', { name: en.imports.done.close }).click();

  const december = path.join(kredo.userDataDir, 'export-dec.txt');
  await writeFile(december, month('30'));
  kredo.answerFileDialogs({ openFiles: [december] });
  await imports.chooseFilesButton.click();
  await expect(imports.wizard.getByText(en.imports.mapping.profileApplied)).toBeVisible();
  await expect(imports.readingControl('headerRow')).toHaveValue('2');
  await expect(imports.columnFor('openAmount')).toHaveValue('4');
  await imports.readFileButton.click();
  await expect(imports.changeLine('newItems', 2)).toBeVisible();
});

test('of several files chosen at once, each refused one is named with its reason and the others are imported', async ({ kredo }) => {
  const nl = texts('nl');
  await new WelcomePage(kredo.page, 'en').languageSelect.selectOption('nl');
  await new WelcomePage(kredo.page, 'nl').importButton.click();
  const imports = new ImportsPage(kredo.page, 'nl');
  const damaged = path.join(kredo.userDataDir, 'kapot.csv');
  await writeFile(damaged, Buffer.concat([Buffer.from('Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand\n1001;F1;01-10-2026;10,00\n'), Buffer.from([0, 0, 0x81, 0xff, 7, 8, 0x9d, 0, 0x13])]));
  const headerOnly = path.join(kredo.userDataDir, 'alleen-kop.csv');
  await writeFile(headerOnly, 'Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand\r\n');
  kredo.answerFileDialogs({ openFiles: [fixture('exact-online-openstaande-posten.xlsx'), damaged, headerOnly, fixture('ubl-invoice-peppol-se-orgnr.xml')] });
  await imports.chooseFilesButton.click();

  // Refused when taken in: the damaged table, said to be damaged (not "not recognised").
  await expect(imports.refusals).toContainText(fill(nl.errors.import.damagedText, { file: 'kapot.csv' }));
  // The workbook: its items found on the second sheet, below a title.
  await expect(imports.readingControl('sheet')).toHaveValue('Openstaande posten');
  await expect(imports.readingControl('headerRow')).toHaveValue('3');
  await imports.readFileButton.click();
  await expect(imports.changeLine('newItems', 9)).toBeVisible();
  await imports.commit();
  await imports.wizard.getByRole('button', { name: nl.imports.done.close }).click();

  // The header-only file is refused when looked at, with its reason; the e-invoice is imported.
  await imports.filesTable.getByRole('button', { name: fill(nl.imports.files.openLabel, { name: 'alleen-kop.csv' }) }).click();
  await expect(imports.wizard.getByRole('alert')).toContainText(fill(nl.errors.import.noRows, { file: 'alleen-kop.csv' }));
  await imports.filesTable.getByRole('button', { name: fill(nl.imports.files.openLabel, { name: 'ubl-invoice-peppol-se-orgnr.xml' }) }).click();
  await imports.readFileButton.click();
  await expect(imports.changeLine('newItems', 1)).toBeVisible();
  await imports.commit();
  await expect(imports.refusals).toContainText(fill(nl.errors.import.damagedText, { file: 'kapot.csv' }));
});

test('dropped files and files in the watched folder that are refused are named on the Imports screen', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const imports = new ImportsPage(kredo.page, 'en');
  const good = await readFile(fixture('fortnox-kundreskontra-decimalkomma.tsv'), 'utf8');
  await imports.dropFiles([
    { name: 'leeg.csv', content: '' },
    { name: 'fakturor.tsv', content: good },
  ]);
  await expect(imports.refusals).toContainText(fill(en.errors.import.empty, { file: 'leeg.csv' }));
  await expect(imports.readFileButton).toBeEnabled();

  const watched = path.join(kredo.userDataDir, 'erp-exports');
  await mkdir(watched);
  await new AppShellPage(kredo.page, 'en').open('settings');
  kredo.answerFileDialogs({ folder: watched });
  await kredo.page.getByRole('button', { name: en.settings.imports.chooseFolder }).click();
  await expect(kredo.page.getByText(fill(en.settings.imports.watching, { folder: watched }))).toBeVisible();
  await imports.open();
  await writeFile(path.join(watched, 'scan.pdf'), '%PDF-1.7 scanned statement');
  await expect(imports.refusals).toContainText(fill(en.errors.import.unsupported, { file: 'scan.pdf' }));
  await copyFile(fixture('ubl-invoice-peppol-se-orgnr.xml'), path.join(watched, 'faktura.xml'));
  await expect(imports.filesTable.getByRole('row', { name: /faktura\.xml/ })).toContainText(en.imports.files.origins.watched);
  // Each message can be dismissed.
  await imports.refusals.getByRole('button', { name: fill(en.imports.notice.dismissLabel, { name: 'leeg.csv' }) }).click();
  await expect(imports.refusals).not.toContainText('leeg.csv');
});
