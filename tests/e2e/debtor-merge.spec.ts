import path from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { DebtorPage } from './page-models/debtor-page';
import { ImportsPage } from './page-models/imports-page';
import { LimitsPage } from './page-models/limits-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);
const en = texts('en');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an ERP export and then a UBL credit note naming its buyer only by VAT and KvK number make one debtor', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const imports = new ImportsPage(kredo.page, 'en');
  kredo.answerFileDialogs({ openFiles: [fixture('erp-open-items-with-vat.csv')] });
  await imports.chooseFilesButton.click();
  await imports.readFileButton.click();
  await expect(imports.changeLine('newDebtors', 2)).toBeVisible();
  await imports.commit();

  await imports.open();
  kredo.answerFileDialogs({ openFiles: [fixture('ubl-creditnote-peppol-scheme-ids.xml')] });
  await imports.chooseFilesButton.click();
  await imports.readFileButton.click();
  // Found by its VAT number (the e-invoice's e-address, ICD 9944); the KvK number it also carries is new to Kredo.
  await expect(imports.changeLine('matchedByIdentifier', 1)).toBeVisible();
  await expect(imports.changeLine('newItems', 1)).toBeVisible();
  await expect(imports.changeList.getByText(fill(en.imports.preview.newDebtors_one, { formatted: '1' }))).toBeHidden();
  await expect(imports.wizard.getByRole('table', { name: en.imports.debtorMatch.identifiedTitle })).toContainText('De Graaf Tuinbouw B.V. (1008)');
  await saveScreenshot(kredo.page, 'import-found-by-company-number-en');
  await imports.commit();

  await new AppShellPage(kredo.page, 'en').open('portfolio');
  const portfolio = new PortfolioPage(kredo.page, 'en');
  await portfolio.expectCount(2, 2);
  await new LimitsPage(kredo.page, 'en').openDebtor('De Graaf Tuinbouw B.V.');
  const debtor = new DebtorPage(kredo.page, 'en');
  await expect(debtor.heading).toHaveText('De Graaf Tuinbouw B.V.');
  await expect(debtor.section(en.debtor.items.title).getByRole('row', { name: /CN-2026-010/ })).toBeVisible();
  await expect(debtor.section(en.debtor.identity.title)).toContainText(`${en.debtor.identity.identifierTypes.NL_KVK}69123456`);
});

test.describe(() => {
  test.use({ start: 'demo' });

  test('two demo debtors that are one company are merged from the debtor page: the ledger follows and the audit trail says so', async ({ kredo }) => {
    const portfolio = new PortfolioPage(kredo.page, 'en');
    // The demo holds two debtors named Hall Catering Supplies Ltd (customers 100100 and 100103): one company twice.
    await portfolio.search.fill('Hall Catering Supplies');
    await expect(portfolio.rows).toHaveCount(2);
    await portfolio.rows.first().getByRole('button', { name: 'Hall Catering Supplies Ltd' }).click();
    const debtor = new DebtorPage(kredo.page, 'en');
    await expect(debtor.heading).toHaveText('Hall Catering Supplies Ltd');
    const subtitle = await debtor.heading.locator('xpath=following-sibling::p').textContent();
    const other = subtitle?.includes('100100') ? '100103' : '100100';
    const before = await debtor.itemCounts();

    const dialog = await debtor.chooseMerge('Hall Catering Supplies Ltd', other);
    const moves = dialog.getByTestId('merge-moves');
    await expect(moves).toContainText(fill(en.debtor.merge.aliases, { code: other }));
    const movedItems = Number(new RegExp(fill(en.debtor.merge.moves.items_other, { formatted: '(\\d+)' })).exec((await moves.textContent()) ?? '')?.[1]);
    expect(movedItems).toBeGreaterThan(0);
    // Both are insured: both limits are kept, and the dialog says they do not add up.
    await expect(dialog.getByText(en.debtor.merge.warnings.bothInsured.split(' (')[0]!)).toBeVisible();
    await saveScreenshot(kredo.page, 'debtor-merge-dialog-en');
    await dialog.getByRole('button', { name: fill(en.debtor.merge.confirm, { merged: 'Hall Catering Supplies Ltd', survivor: 'Hall Catering Supplies Ltd' }) }).click();
    await expect(dialog).toBeHidden();

    await expect.poll(async () => { const after = await debtor.itemCounts(); return after.open + after.paid; }).toBe(before.open + before.paid + movedItems);
    await expect(debtor.section(en.debtor.identity.title)).toContainText(`${en.debtor.identity.aliases.customerCodes}${other}`);
    const timeline = debtor.section(en.debtor.timeline.title);
    const [head, tail] = fill(en.debtor.timeline.merged, { name: 'Hall Catering Supplies Ltd', code: other, items: String(movedItems), payments: '\u0000' }).split('\u0000').map(escapeRegExp);
    await expect(timeline.getByText(new RegExp(`${head}\\d+${tail}`))).toBeVisible();

    await kredo.page.keyboard.press('Escape');
    await portfolio.search.fill('Hall Catering Supplies');
    await expect(portfolio.rows).toHaveCount(1);
  });
});
