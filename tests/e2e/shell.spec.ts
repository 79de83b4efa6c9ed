import { FORMAT_LOCALE, type Language } from '../../shared/i18n/languages';
import { formatMoney } from '../../shared/format/format-money';
import { money } from '../../shared/money/money';
import { SCREENS } from '../../shared/navigation/screens';
import { expectedDemo } from './demo-portfolio';
import { E2E_TODAY, expect, saveScreenshot, test } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

const LANGUAGES: { language: Language; systemLocale: string; euroAmount: RegExp; country: string }[] = [
  { language: 'en', systemLocale: 'en-GB', euroAmount: /^€\d{1,3}(,\d{3})*\.\d{2}$/, country: 'Netherlands' },
  { language: 'nl', systemLocale: 'nl-NL', euroAmount: /^€\s\d{1,3}(\.\d{3})*,\d{2}$/, country: 'Nederland' },
  { language: 'sv', systemLocale: 'sv-SE', euroAmount: /^\d{1,3}(\s\d{3})*,\d{2}\s€$/, country: 'Nederländerna' },
];

const demo = expectedDemo(E2E_TODAY);

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
      // The figures the app computed in its worker, shown in the language's own number format.
      const exposure = formatMoney(money(demo.portfolio.exposureMinor, 'EUR'), FORMAT_LOCALE[language]);
      await expect(portfolio.kpiValue('exposure')).toHaveText(exposure);
      await expect(portfolio.kpiValue('exposure')).toHaveText(euroAmount);
      await expect(portfolio.kpiValue('overdue')).toHaveText(formatMoney(money(demo.portfolio.overdueMinor, 'EUR'), FORMAT_LOCALE[language]));
      await portfolio.expectCount(demo.counts.debtors, demo.counts.debtors);
      await expect(portfolio.grid.getByRole('gridcell', { name: country, exact: true }).first()).toBeVisible();
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
