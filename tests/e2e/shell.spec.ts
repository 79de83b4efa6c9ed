import { FORMAT_LOCALE, type Language } from '../../shared/i18n/languages';
import { DEMO_DEBTOR_COUNT, generateDemoDebtors } from '../../shared/demo/demo-debtors';
import { formatMoney } from '../../shared/format/format-money';
import { money } from '../../shared/money/money';
import { SCREENS } from '../../shared/navigation/screens';
import { expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

const LANGUAGES: { language: Language; systemLocale: string; euroAmount: RegExp; country: string }[] = [
  { language: 'en', systemLocale: 'en-GB', euroAmount: /€\d{1,3}(,\d{3})*\.\d{2}/, country: 'Netherlands' },
  { language: 'nl', systemLocale: 'nl-NL', euroAmount: /€\s\d{1,3}(\.\d{3})*,\d{2}/, country: 'Nederland' },
  { language: 'sv', systemLocale: 'sv-SE', euroAmount: /\d{1,3}(\s\d{3})*,\d{2}\s€/, country: 'Nederländerna' },
];

/** The summary line as the user should read it: totals per currency in the language's own formats. */
function expectedSummary(language: Language): string {
  const totals = new Map<string, number>();
  for (const debtor of generateDemoDebtors()) totals.set(debtor.currency, (totals.get(debtor.currency) ?? 0) + debtor.exposureMinor);
  const exposure = [...totals].map(([currency, minor]) => formatMoney(money(minor, currency), FORMAT_LOCALE[language])).join(' · ');
  return fill(texts(language).portfolio.summary, { count: DEMO_DEBTOR_COUNT, exposure });
}

for (const { language, systemLocale, euroAmount, country } of LANGUAGES) {
  test.describe(`Kredo in ${language}`, () => {
    test.use({ systemLocales: [systemLocale] });

    test('walks from the welcome screen through every screen of the shell', async ({ kredo }) => {
      const welcome = new WelcomePage(kredo.page, language);
      await expect(welcome.heading).toBeVisible();
      await expect(kredo.page.locator('html')).toHaveAttribute('lang', language);
      await saveScreenshot(kredo.page, `welcome-${language}`);

      await welcome.openDemoPortfolio();
      const shell = new AppShellPage(kredo.page, language);
      const portfolio = new PortfolioPage(kredo.page, language);
      await expect(shell.heading).toHaveText(shell.titleOf('portfolio'));
      await expect(portfolio.rows).toHaveCount(DEMO_DEBTOR_COUNT);
      await expect(portfolio.summary).toHaveText(expectedSummary(language));
      await expect(portfolio.summary).toContainText(euroAmount);
      await expect(portfolio.table.getByRole('cell', { name: country, exact: true }).first()).toBeVisible();
      await saveScreenshot(kredo.page, `shell-${language}`);

      for (const screen of SCREENS) {
        await shell.open(screen);
        await expect(shell.heading).toHaveText(shell.titleOf(screen));
        await expect(shell.navItem(screen)).toHaveAttribute('aria-current', 'page');
        await expect(shell.main).toHaveAccessibleName(texts(language).common.screens[screen]);
      }
      await saveScreenshot(kredo.page, `settings-${language}`);
    });
  });
}

test('"Import your data" leads to the Imports screen inside the shell', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').importButton.click();
  const shell = new AppShellPage(kredo.page, 'en');
  await expect(shell.heading).toHaveText(shell.titleOf('imports'));
  await expect(shell.navigation).toBeVisible();
});
