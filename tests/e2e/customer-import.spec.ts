import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { ImportsPage } from './page-models/imports-page';
import { LimitsPage } from './page-models/limits-page';
import { WelcomePage } from './page-models/welcome-page';

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);
const en = texts('en');
const BAKKER = 'Bakker Bouw B.V.';

/**
 * Contacts and addresses from an ERP customer export (issue 13, item 4): a debtor imported from open items
 * has neither, so the worklist makes no letter and says what is missing; after the customer list is
 * imported, the next letter is addressed to its contact at its address and the e-mail draft goes to them.
 */
test('a contact imported from a customer file appears in the next letter’s address and the e-mail draft’s recipient', async ({ kredo }) => {
  const { page } = kredo;
  await new WelcomePage(page, 'en').importButton.click();
  const imports = new ImportsPage(page, 'en');
  kredo.answerFileDialogs({ openFiles: [fixture('exact-online-open-items.csv')] });
  await imports.chooseFilesButton.click();
  await imports.readFileButton.click();
  await imports.commit();

  // No address, no e-mail: no letter, and the entry says so and leads to the debtor's contacts.
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  const bakkerLetters = page.getByTestId('worklist').getByRole('row').filter({ hasText: BAKKER }).filter({ has: page.getByRole('button', { name: en.dunning.preview.open }) });
  await expect(bakkerLetters.first().getByTestId('letter-unreachable')).toContainText(en.dunning.worklist.unreachable);
  await bakkerLetters.first().getByRole('button', { name: en.dunning.worklist.addAddress }).click();
  await expect(page.getByRole('form', { name: en.debtor.masterData.title })).toBeVisible();
  await saveScreenshot(page, 'customer-import-missing-address');

  // The customer list: recognised as Exact Online's, read through the same mapping step.
  await imports.open();
  kredo.answerFileDialogs({ openFiles: [fixture('exact-online-customers.csv')] });
  await imports.chooseFilesButton.click();
  await expect(imports.wizard.getByText(fill(en.imports.mapping.customerPresetApplied, { preset: 'Exact Online' }))).toBeVisible();
  await expect(imports.wizard.getByRole('combobox', { name: new RegExp(`^${en.imports.mapping.content}`) })).toHaveValue('customers');
  await saveScreenshot(page, 'customer-import-mapping');
  await imports.readFileButton.click();
  await expect(imports.changeList.getByText(fill(en.imports.preview.customers.updated_other, { formatted: '3' }))).toBeVisible();
  await expect(imports.changeList.getByText(fill(en.imports.preview.customers.notFound_one, { formatted: '1' }))).toBeVisible();
  await imports.commit();

  // The next letter: a Dutch reminder (the address says the Netherlands) to Sanne Bakker.
  await shell.open('dunning');
  const entry = bakkerLetters.first();
  await expect(entry.getByTestId('letter-unreachable')).toHaveCount(0);
  await entry.getByRole('button', { name: en.dunning.preview.open }).click();
  await expect(page.getByTestId('letter-preview')).toContainText('Geachte mevrouw Bakker,');
  await page.getByRole('button', { name: en.dunning.preview.close }).click();
  await entry.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Process 1 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toContainText('Done: 1 step');

  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(BAKKER);
  const identity = page.getByRole('region', { name: en.debtor.identity.title });
  await expect(identity).toContainText(fill(en.debtor.masterData.reminders, { name: `${en.debtor.masterData.titles.ms} Sanne Bakker` }));
  const letters = page.getByTestId('debtor-letters');
  const pdfFile = path.join(kredo.userDataDir, 'bakker.pdf');
  kredo.answerFileDialogs({ saveTo: pdfFile });
  await letters.getByRole('button', { name: en.dunning.letters.savePdf }).first().click();
  await expect(page.getByRole('status').filter({ hasText: pdfFile })).toBeVisible();
  const pdf = await getDocument({ data: new Uint8Array(await readFile(pdfFile)), isEvalSupported: false, disableFontFace: true }).promise;
  const text = (await (await pdf.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
  expect(text).toContain(`${BAKKER} t.a.v. Sanne Bakker Dorpsstraat 3 3732 HJ DE BILT`);
  const emlFile = path.join(kredo.userDataDir, 'bakker.eml');
  kredo.answerFileDialogs({ saveTo: emlFile });
  await letters.getByRole('button', { name: en.dunning.letters.saveEml }).first().click();
  await expect(page.getByRole('status').filter({ hasText: emlFile })).toBeVisible();
  const eml = await readFile(emlFile, 'utf8');
  expect(eml).toContain('To: "Sanne Bakker" <administratie@bakkerbouw.example>\r\n');
  expect(eml).not.toContain('no-address');
  await saveScreenshot(page, 'customer-import-debtor');
});
