import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { costOfLoss } from '../../shared/domain/dashboard/cost-of-loss';
import { formatMoney } from '../../shared/format/format-money';
import { formatPercent } from '../../shared/format/format-number';
import { FORMAT_LOCALE, type Language } from '../../shared/i18n/languages';
import { money } from '../../shared/money/money';
import { expectedDemo } from './demo-portfolio';
import { E2E_TODAY, expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AgeingDashboardPage } from './page-models/ageing-dashboard-page';
import { AppShellPage } from './page-models/app-shell-page';
import { WelcomePage } from './page-models/welcome-page';

const LANGUAGES: { language: Language; systemLocale: string; country: string; margin: string }[] = [
  { language: 'en', systemLocale: 'en-GB', country: 'Sweden', margin: '2.5' },
  { language: 'nl', systemLocale: 'nl-NL', country: 'Zweden', margin: '2,5' },
  { language: 'sv', systemLocale: 'sv-SE', country: 'Sverige', margin: '2,5' },
];

const demo = expectedDemo(E2E_TODAY).portfolio;

for (const { language, systemLocale, country, margin } of LANGUAGES) {
  test.describe(`The ageing dashboard in ${language}`, () => {
    test.use({ systemLocales: [systemLocale], start: 'demo' });

    test('shows the demo portfolio’s ageing, countries, top ten and the cost of a loss', async ({ kredo }) => {
      const locale = FORMAT_LOCALE[language];
      const euro = (minor: number) => formatMoney(money(minor, 'EUR'), locale);
      const shell = new AppShellPage(kredo.page, language);
      await expect(shell.heading).toHaveText(shell.titleOf('portfolio'));
      await shell.open('ageing');
      await expect(shell.heading).toHaveText(shell.titleOf('ageing'));

      // The buckets the worker aged from the ledgers are the portfolio summary's, to the cent, and add up to the open total.
      const dashboard = new AgeingDashboardPage(kredo.page, language);
      await expect(dashboard.portfolioAmounts()).toHaveText([...demo.bucketsMinor.map(euro), euro(demo.openMinor)]);
      await expect(dashboard.progress).toBeHidden();

      // Countries are named in the UI language; every invoice currency has its row.
      await expect(dashboard.countryTable.getByRole('rowheader', { name: country, exact: true })).toBeVisible();
      await expect(dashboard.bodyRows(dashboard.currencyTable)).toHaveCount(Object.keys(demo.openByCurrency).length);
      // Twelve month-ends and today; the demo's two years of history cover them all.
      await expect(dashboard.bodyRows(dashboard.trendTable)).toHaveCount(13);
      await expect(dashboard.bodyRows(dashboard.trendTable).last().getByRole('cell').last()).toHaveText(euro(demo.openMinor));

      await expect(dashboard.concentrationRows).toHaveCount(10);

      // The cost of a loss starts from the oldest bucket at a 5 % margin, and follows a changed margin.
      const ageing = texts(language).ageing;
      const oldest = demo.bucketsMinor.at(-1)!;
      const sentence = (marginBp: number) =>
        fill(ageing.costOfLoss.result, { loss: euro(oldest), margin: formatPercent(marginBp / 10_000, locale, 2), revenue: euro(costOfLoss(oldest, marginBp)!.revenueNeededMinor) });
      await expect(dashboard.lossResult).toHaveText(sentence(500));
      await saveScreenshot(kredo.page, `ageing-dashboard-${language}`);
      await dashboard.setMargin(margin);
      await expect(dashboard.lossResult).toHaveText(sentence(250));
      await dashboard.setMargin('abc');
      await expect(dashboard.marginInput).toHaveAttribute('aria-invalid', 'true');
      await expect(dashboard.lossResult).toHaveText('');
    });
  });
}

test('says what will appear when there is no portfolio yet', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const shell = new AppShellPage(kredo.page, 'en');
  await shell.open('ageing');
  await expect(shell.heading).toHaveText(shell.titleOf('ageing'));
  await expect(shell.main.getByText(texts('en').ageing.empty)).toBeVisible();
});

test.describe('the PDF ageing report', () => {
  test.use({ systemLocales: ['sv-SE'], start: 'demo' });

  test('saves the printable ageing report as a PDF in Swedish, with every bucket total and page numbers', async ({ kredo }) => {
    const sv = texts('sv');
    await new AppShellPage(kredo.page, 'sv').open('ageing');
    await expect(new AgeingDashboardPage(kredo.page, 'sv').progress).toBeHidden();

    const file = path.join(kredo.userDataDir, 'aldersanalys.pdf');
    kredo.answerFileDialogs({ saveTo: file });
    await kredo.page.getByRole('button', { name: sv.reports.button }).click();
    await expect(kredo.page.getByTestId('export-status')).toContainText(file, { timeout: 120_000 });

    const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false, disableFontFace: true }).promise;
    const firstPage = (await (await pdf.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(firstPage).toContain(sv.reports.title);
    expect(firstPage).toContain(fill(sv.reports.page, { page: 1, pages: pdf.numPages }));
    // pdf.js hands text back in pieces split at spaces: compare without them.
    const compact = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, '');
    for (const amount of [...demo.bucketsMinor, demo.openMinor]) expect(compact(firstPage)).toContain(compact(formatMoney(money(amount, 'EUR'), FORMAT_LOCALE.sv)));
  });
});
