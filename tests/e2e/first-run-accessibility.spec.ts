import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/i18n/languages';
import { expect, saveScreenshot, test } from './fixtures';
import { layoutProblems, seriousAxeViolations, SIZE_DEPENDENT_AXE_RULES } from './layout-checks';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { ImportsPage } from './page-models/imports-page';
import { LimitsPage } from './page-models/limits-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

/**
 * Issue 17 asks for axe on every screen and every action reachable from the keyboard with visible focus.
 * The walk in layout-accessibility.spec.ts starts after the demo is opened, so the first-run screen and
 * the list of shortcuts (Ctrl+/) are checked here: in all three languages at both window sizes, with the
 * same checks (zero serious or critical axe violations, no clipped label, no page-level scroll), and the
 * welcome screen's actions reached by Tab with a visible focus ring.
 */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;
const LANGUAGES: readonly Language[] = ['en', 'nl', 'sv'];

/**
 * What is wrong where the page now stands — page-level scroll, clipped labels, serious or critical axe
 * findings — added to `findings` under `where`, with a screenshot named after it. With `axeRules`, only those
 * axe rules run (the same screen already checked in full at another window size).
 */
async function checkHere(page: Page, findings: string[], where: string, screenshot: string, axeRules?: readonly string[]): Promise<void> {
  const layout = await layoutProblems(page);
  findings.push(...(layout.pageScroll ? [`${where}: ${layout.pageScroll}`] : []), ...layout.clipped.map((clipped) => `${where}: clipped ${clipped}`));
  findings.push(...(await seriousAxeViolations(page, axeRules)).map((violation) => `${where}: axe ${violation}`));
  await saveScreenshot(page, screenshot);
}

test('the first-run screen and the shortcuts list, in English, Dutch and Swedish at 1440×900 and 1280×720: axe finds nothing serious, nothing is clipped, the page does not scroll, Tab reaches each action with a visible focus', async ({ kredo }) => {
  test.setTimeout(600_000);
  const page = kredo.page;
  const findings: string[] = [];
  // As in the layout walk: the same screen in the same state, only resized, so axe runs in full at the first
  // size and at the second only the rules a window size can change; clipping and page scroll at both.
  const check = async (where: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await checkHere(page, findings, `${where} at ${size.width}×${size.height}`, `first-run-${where.replace(/\s+/g, '-')}-${size.width}x${size.height}`, size === SIZES[0] ? undefined : SIZE_DEPENDENT_AXE_RULES);
    }
  };

  let current: Language = 'en';
  for (const language of LANGUAGES) {
    await new WelcomePage(page, current).languageSelect.selectOption(language);
    current = language;
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const welcome = new WelcomePage(page, language);
    await expect(welcome.heading).toBeVisible();
    await check(`welcome ${language}`);

    // Both actions by Tab alone, each with the focus ring drawn (app.css :focus-visible).
    for (const action of [welcome.openDemoButton, welcome.importButton]) {
      await page.locator('body').focus();
      let reached = false;
      for (let step = 0; step < 15 && !reached; step++) {
        await page.keyboard.press('Tab');
        reached = await action.evaluate((button) => button === document.activeElement);
      }
      expect(reached, `Tab reaches ${await action.textContent()} in ${language}`).toBe(true);
      expect(await action.evaluate((button) => button.matches(':focus-visible') && getComputedStyle(button).outlineStyle !== 'none' && getComputedStyle(button).outlineWidth !== '0px')).toBe(true);
    }

    await page.setViewportSize(SIZES[0]);
    await page.keyboard.press('Control+/');
    const dialog = page.getByRole('dialog', { name: texts(language).shell.shortcuts.title });
    await expect(dialog).toBeVisible();
    await check(`shortcuts ${language}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  expect(findings, 'layout and accessibility problems').toEqual([]);
});

test.describe(() => {
  test.use({ start: 'demo', systemLocales: ['sv-SE'] });

  test('the dialogs and steps the layout walk does not open — New customer, Merge with…, the import wizard’s mapping and preview — in Swedish at 1280×720: axe finds nothing serious, nothing is clipped, the page does not scroll', async ({ kredo }) => {
    test.setTimeout(600_000);
    const page = kredo.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    const sv = texts('sv');
    const portfolio = new PortfolioPage(page, 'sv');
    await portfolio.expectCount(200, 200);
    const findings: string[] = [];
    const check = (where: string) => checkHere(page, findings, where, `dialogs-${where}-sv-1280x720`);

    await page.getByRole('button', { name: sv.portfolio.newCustomer.open }).click();
    await expect(page.getByRole('region', { name: sv.portfolio.newCustomer.title })).toBeVisible();
    await check('new-customer');
    await page.getByRole('region', { name: sv.portfolio.newCustomer.title }).getByRole('button', { name: sv.portfolio.newCustomer.close }).click();

    // The demo holds Hall Catering Supplies Ltd twice (customers 100100 and 100103).
    await portfolio.search.fill('Hall Catering Supplies');
    await expect(portfolio.rows).toHaveCount(2);
    await portfolio.rows.first().getByRole('button', { name: 'Hall Catering Supplies Ltd' }).click();
    await page.getByRole('button', { name: sv.debtor.merge.open }).click();
    const merge = page.getByRole('dialog', { name: sv.debtor.merge.title });
    await expect(merge).toBeVisible();
    await merge.getByRole('radio').first().check();
    await check('merge');
    await page.keyboard.press('Escape');
    await expect(merge).toBeHidden();

    const imports = new ImportsPage(page, 'sv');
    await imports.open();
    kredo.answerFileDialogs({ openFiles: [path.resolve('tests/fixtures/imports', 'exact-online-open-items.csv')] });
    await imports.chooseFilesButton.click();
    await expect(imports.readFileButton).toBeVisible();
    await check('import-mapping');
    await imports.readFileButton.click();
    await expect(imports.commitButton).toBeVisible();
    await check('import-preview');
    expect(findings, 'layout and accessibility problems').toEqual([]);
  });
});

test.describe(() => {
  test.use({ start: 'demo' });

  test('the grid’s Columns chooser, the statement preview, the letter preview and Assign payment, in English at 1440×900: axe finds nothing serious, nothing is clipped, the page does not scroll', async ({ kredo }) => {
    test.setTimeout(600_000);
    const page = kredo.page;
    const en = texts('en');
    const portfolio = new PortfolioPage(page, 'en');
    await portfolio.expectCount(200, 200);
    const findings: string[] = [];
    const check = (where: string) => checkHere(page, findings, where, `dialogs-${where}-en-1440x900`);

    await page.getByText(en.portfolio.grid.columns, { exact: true }).click();
    await expect(page.getByRole('group', { name: en.portfolio.grid.columns })).toBeVisible();
    await check('columns-chooser');
    await page.getByText(en.portfolio.grid.columns, { exact: true }).click();

    await new LimitsPage(page, 'en').openDebtor('Hall Catering Supplies Ltd');
    await page.getByRole('button', { name: en.dunning.statement.preview }).click();
    await expect(page.getByTestId('statement-preview')).toBeVisible();
    await check('statement-preview');
    await page.getByRole('button', { name: en.dunning.statement.close }).click();

    const shell = new AppShellPage(page, 'en');
    await shell.open('dunning');
    await page.getByTestId('worklist').getByRole('button', { name: en.dunning.preview.open }).first().click();
    await expect(page.getByTestId('letter-preview')).toBeVisible();
    await check('letter-preview');
    await page.getByRole('button', { name: en.dunning.preview.close }).click();

    // A bank statement whose J. Jansen payment belongs to no demo customer: it waits in Payments to review.
    const imports = new ImportsPage(page, 'en');
    await imports.importFixture(kredo.answerFileDialogs, 'camt053-v02-abn-amro.xml');
    await imports.open();
    await imports.reviewSection.getByRole('button', { name: en.imports.review.assign }).first().click();
    await expect(imports.assignDialog).toBeVisible();
    await imports.assignDialog.getByRole('textbox').fill('Hall');
    await check('assign-payment');
    expect(findings, 'layout and accessibility problems').toEqual([]);
  });
});
