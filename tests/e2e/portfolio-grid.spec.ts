import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { FORMAT_LOCALE, type Language } from '../../shared/i18n/languages';
import { formatMoney } from '../../shared/format/format-money';
import { money } from '../../shared/money/money';
import { DEMO_DEBTORS, expectedDemo } from './demo-portfolio';
import { E2E_TODAY, expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { DebtorPage } from './page-models/debtor-page';
import { PortfolioPage } from './page-models/portfolio-page';

test.use({ start: 'demo' });

const demo = expectedDemo(E2E_TODAY);
const LANGUAGES: { language: Language; systemLocale: string; netherlands: string }[] = [
  { language: 'en', systemLocale: 'en-GB', netherlands: 'Netherlands' },
  { language: 'nl', systemLocale: 'nl-NL', netherlands: 'Nederland' },
  { language: 'sv', systemLocale: 'sv-SE', netherlands: 'Nederländerna' },
];

for (const { language, systemLocale, netherlands } of LANGUAGES) {
  test.describe(`the portfolio in ${language}`, () => {
    test.use({ systemLocales: [systemLocale] });

    test('finds the riskiest debtors, narrows them down, and explains a score on the debtor page', async ({ kredo }) => {
      const columns = texts(language).portfolio.columns;
      const portfolio = new PortfolioPage(kredo.page, language);
      await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
      // Virtualised: far fewer rows in the page than debtors in the grid.
      expect(await portfolio.rows.count()).toBeLessThan(DEMO_DEBTORS / 2);
      await expect(portfolio.columnHeader(columns.risk)).toHaveAttribute('aria-sort', 'descending');
      const risks = (await portfolio.columnTexts(columns.risk)).map(Number);
      expect(risks.length).toBeGreaterThan(5);
      expect(risks).toEqual([...risks].sort((a, b) => b - a));
      await saveScreenshot(kredo.page, `portfolio-grid-${language}`);
      // Each debtor's next dunning step and its date (issue 16, item 5), no longer '–' for every debtor.
      const steps = Object.values(texts(language).dunning.steps);
      const nextActions = await portfolio.columnTexts(columns.nextAction);
      const planned = nextActions.filter((text) => text !== '–');
      expect(planned.length).toBeGreaterThan(nextActions.length / 2);
      for (const text of planned) expect(steps.some((step) => text.startsWith(fill(texts(language).portfolio.grid.nextAction, { step, date: '' }))), text).toBe(true);

      // Sort by exposure, largest first: the top row is the demo's largest exposure, in the language's money format.
      await portfolio.sortBy(columns.exposure);
      await expect(portfolio.columnHeader(columns.exposure)).toHaveAttribute('aria-sort', 'descending');
      const largest = [...demo.debtors].sort((a, b) => b.summary.exposureMinor - a.summary.exposureMinor)[0]!;
      await expect(portfolio.rows.first().getByRole('gridcell').first()).toHaveText(largest.name);
      expect((await portfolio.columnTexts(columns.exposure))[0]).toBe(formatMoney(money(largest.summary.exposureMinor, 'EUR'), FORMAT_LOCALE[language]));

      // Filter on a country chosen by its name in the language.
      await portfolio.filter(texts(language).portfolio.filters.country).selectOption({ label: netherlands });
      const dutch = demo.debtors.filter((debtor) => debtor.country === 'NL').length;
      await portfolio.expectCount(dutch, DEMO_DEBTORS);
      await portfolio.filter(texts(language).portfolio.filters.overLimit).check();
      const dutchOverLimit = demo.debtors.filter((debtor) => debtor.country === 'NL' && debtor.summary.overLimitMinor > 0 && debtor.summary.limitMinor > 0).length;
      await portfolio.expectCount(dutchOverLimit, DEMO_DEBTORS);
      await kredo.page.getByRole('button', { name: texts(language).portfolio.filters.clear }).click();
      await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);

      // The keyboard: down twice, Enter opens the third debtor; Escape comes back to the same row.
      // A new column sorts largest first; the same column again flips it.
      await portfolio.sortBy(columns.risk);
      await expect(portfolio.columnHeader(columns.risk)).toHaveAttribute('aria-sort', 'descending');
      await portfolio.sortBy(columns.risk);
      await expect(portfolio.columnHeader(columns.risk)).toHaveAttribute('aria-sort', 'ascending');
      await portfolio.sortBy(columns.risk);
      await expect(portfolio.columnHeader(columns.risk)).toHaveAttribute('aria-sort', 'descending');
      // Names go A–Z on the first click (it went Z–A), then flip.
      await portfolio.sortBy(columns.name);
      await expect(portfolio.columnHeader(columns.name)).toHaveAttribute('aria-sort', 'ascending');
      const names = await portfolio.columnTexts(columns.name);
      expect(names).toEqual([...names].sort(new Intl.Collator(FORMAT_LOCALE[language]).compare));
      await portfolio.sortBy(columns.risk);
      // The rows are sorted just after the click (a deferred render): read them once the heading says so.
      await expect(portfolio.columnHeader(columns.risk)).toHaveAttribute('aria-sort', 'descending');
      const third = (await portfolio.columnTexts(columns.name))[2]!;
      await portfolio.grid.focus();
      await kredo.page.keyboard.press('ArrowDown');
      await kredo.page.keyboard.press('ArrowDown');
      await expect(portfolio.rows.nth(2)).toHaveAttribute('aria-selected', 'true');
      await kredo.page.keyboard.press('Enter');
      const debtor = new DebtorPage(kredo.page, language);
      await expect(debtor.heading).toHaveText(third);
      await expect(debtor.riskFactors).toHaveCount(5);
      const points = await debtor.factorPoints();
      expect(points.reduce((sum, value) => sum + value, 0)).toBe(Number(await debtor.riskScore.textContent()));
      await expect(debtor.section(texts(language).debtor.behaviour.title)).toBeVisible();
      await expect(debtor.section(texts(language).debtor.limits.title)).toBeVisible();
      await expect(debtor.section(texts(language).debtor.timeline.title).getByRole('listitem').first()).toBeVisible();
      await saveScreenshot(kredo.page, `debtor-page-${language}`);
      await kredo.page.keyboard.press('Escape');
      await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
      await expect(portfolio.rows.nth(2)).toHaveAttribute('aria-selected', 'true');
    });
  });
}

test('search, a saved view and the column chooser', async ({ kredo }) => {
  const en = texts('en').portfolio;
  const portfolio = new PortfolioPage(kredo.page, 'en');
  await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);

  const someone = demo.debtors[17]!;
  await portfolio.search.fill(someone.name.toUpperCase());
  await expect(portfolio.rows.first().getByRole('gridcell').first()).toHaveText(someone.name);
  await portfolio.search.fill('');

  await portfolio.filter(en.filters.overdueDaysAbove).fill('60');
  const late = demo.debtors.filter((debtor) => debtor.summary.overdueMinor > 0 && debtor.summary.maxDaysOverdue > 60).length;
  await portfolio.expectCount(late, DEMO_DEBTORS);
  await kredo.page.getByLabel(en.views.name).fill('Long overdue');
  await kredo.page.getByRole('button', { name: en.views.save }).click();
  await kredo.page.getByRole('button', { name: en.filters.clear }).click();
  await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);

  // Views are kept in the store: still there after a restart.
  const restarted = await kredo.restart();
  const again = new PortfolioPage(restarted.page, 'en');
  await again.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  await restarted.page.getByLabel(en.views.label).selectOption({ label: 'Long overdue' });
  await again.expectCount(late, DEMO_DEBTORS);
  await expect(again.filter(en.filters.overdueDaysAbove)).toHaveValue('60');

  await restarted.page.getByText(en.grid.columns, { exact: true }).click();
  await restarted.page.getByRole('group', { name: en.grid.columns }).getByLabel(en.columns.grade).uncheck();
  await expect(again.columnHeader(en.columns.grade)).toHaveCount(0);
  await restarted.page.getByRole('group', { name: en.grid.columns }).getByLabel(en.columns.customerCode).check();
  await expect(again.columnHeader(en.columns.customerCode)).toBeVisible();

  // Sorting by keyboard: a column heading is a button the Tab key reaches.
  await again.columnHeader(en.columns.overdue).getByRole('button').focus();
  await restarted.page.keyboard.press('Enter');
  await expect(again.columnHeader(en.columns.overdue)).toHaveAttribute('aria-sort', 'descending');
});

test('a note on a debtor is kept in its timeline', async ({ kredo }) => {
  const portfolio = new PortfolioPage(kredo.page, 'en');
  await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  await portfolio.rows.first().getByRole('button').click();
  const debtor = new DebtorPage(kredo.page, 'en');
  const name = await debtor.heading.textContent();
  // The open invoices export with one row per invoice shown.
  const items = kredo.page.getByRole('table', { name: texts('en').debtor.items.openLabel }).getByRole('rowgroup').nth(1).getByRole('row');
  const itemsFile = path.join(kredo.userDataDir, 'open-items.csv');
  kredo.answerFileDialogs({ saveTo: itemsFile });
  await debtor.section(texts('en').debtor.items.title).getByRole('button', { name: texts('en').common.export.csv }).click();
  await expect(kredo.page.getByTestId('export-status')).toContainText(itemsFile);
  const [itemsHeader, ...itemRows] = Papa.parse<string[]>((await readFile(itemsFile, 'utf8')).slice(1), { skipEmptyLines: true }).data;
  expect(itemsHeader).toContain(texts('en').debtor.items.dueDate);
  expect(itemRows).toHaveLength(await items.count());
  await debtor.addNote('Called Anna: pays €4,000 on Friday, rest after the audit.');
  await expect(debtor.notes.getByText('Called Anna: pays €4,000 on Friday, rest after the audit.')).toBeVisible();
  await expect(debtor.section(texts('en').debtor.timeline.title).getByRole('listitem').first()).toContainText('Called Anna');

  const restarted = await kredo.restart();
  const again = new PortfolioPage(restarted.page, 'en');
  await again.search.fill(name ?? '');
  await again.rows.first().getByRole('button').click();
  await expect(new DebtorPage(restarted.page, 'en').notes.getByText('Called Anna: pays €4,000 on Friday, rest after the audit.')).toBeVisible();
});

test('exports the grid as shown to CSV and Excel', async ({ kredo }) => {
  const en = texts('en');
  const portfolio = new PortfolioPage(kredo.page, 'en');
  await portfolio.filter(en.portfolio.filters.country).selectOption({ label: 'Netherlands' });
  const dutch = demo.debtors.filter((debtor) => debtor.country === 'NL');
  await portfolio.expectCount(dutch.length, DEMO_DEBTORS);

  const csvFile = path.join(kredo.userDataDir, 'debtors.csv');
  kredo.answerFileDialogs({ saveTo: csvFile });
  await kredo.page.getByRole('button', { name: en.common.export.csv }).click();
  await expect(kredo.page.getByTestId('export-status')).toContainText(csvFile);
  const text = await readFile(csvFile, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const [header, ...records] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  expect(records).toHaveLength(dutch.length);
  // Every exposure in the file, added up, is the Dutch debtors' exposure to the cent.
  const exposureColumn = header!.indexOf(`${en.portfolio.columns.exposure} (EUR)`);
  expect(exposureColumn).toBeGreaterThan(0);
  const fileTotal = records.reduce((sum, record) => sum + Number(record[exposureColumn]!.replace('.', '')), 0);
  expect(fileTotal).toBe(dutch.reduce((sum, debtor) => sum + debtor.summary.exposureMinor, 0));

  const xlsxFile = path.join(kredo.userDataDir, 'debtors.xlsx');
  kredo.answerFileDialogs({ saveTo: xlsxFile });
  await kredo.page.getByRole('button', { name: en.common.export.excel }).click();
  await expect(kredo.page.getByTestId('export-status')).toContainText(xlsxFile);
  expect((await readFile(xlsxFile)).subarray(0, 2).toString()).toBe('PK');
});

test('at 1440×900 the grid has room for more than a dozen debtors, and their names stay in view when the figures scroll sideways', async ({ kredo }) => {
  const page = kredo.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const portfolio = new PortfolioPage(page, 'en');
  await portfolio.expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  // Rows a controller sees without scrolling anything: inside both the grid's own pane and the window (issue 17 found eight).
  const rowsInView = () =>
    portfolio.grid.evaluate((grid) => {
      const pane = grid.getBoundingClientRect();
      const bottom = Math.min(pane.bottom, window.innerHeight);
      return Array.from(grid.querySelectorAll('.grid-body [role="row"]')).filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= pane.top && box.bottom <= bottom;
      }).length;
    });
  await saveScreenshot(page, 'portfolio-grid-rows-in-view');
  expect(await rowsInView()).toBeGreaterThanOrEqual(13);

  // Scrolled all the way to the right, the first row's name is still where it was, at the grid's left edge.
  const nameCell = portfolio.rows.first().getByRole('gridcell').first();
  const before = await nameCell.boundingBox();
  await portfolio.grid.evaluate((grid) => grid.scrollTo({ left: grid.scrollWidth }));
  await expect.poll(() => portfolio.grid.evaluate((grid) => grid.scrollLeft)).toBeGreaterThan(100);
  await saveScreenshot(page, 'portfolio-grid-scrolled-sideways');
  expect((await nameCell.boundingBox())?.x).toBe(before?.x);
  await expect(nameCell.getByRole('button')).toBeVisible();
});
