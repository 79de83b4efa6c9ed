import { expect, test } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { WelcomePage } from './page-models/welcome-page';

test('switching the language changes the whole page at once and survives a restart', async ({ kredo }) => {
  const english = new WelcomePage(kredo.page, 'en');
  await expect(english.heading).toBeVisible();
  await english.languageSelect.selectOption('sv');

  const swedish = new WelcomePage(kredo.page, 'sv');
  await expect(swedish.heading).toBeVisible();
  await expect(swedish.openDemoButton).toBeVisible();
  await expect(kredo.page.locator('html')).toHaveAttribute('lang', 'sv');

  const restarted = await kredo.restart();
  await expect(new WelcomePage(restarted.page, 'sv').heading).toBeVisible();
});

test.describe(() => {
  test.use({ start: 'demo' });

  test('follows a language picked in the application menu', async ({ kredo }) => {
    await expect(new AppShellPage(kredo.page, 'en').heading).toHaveText(texts('en').portfolio.title);

    // Language › Nederlands in the desktop menu calls exactly this.
    await kredo.host.services.settings.setLanguage('nl');
    const dutch = new AppShellPage(kredo.page, 'nl');
    await expect(dutch.heading).toHaveText(texts('nl').portfolio.title);
    await expect(dutch.navItem('dunning')).toBeVisible();
  });

  test('the Settings screen changes the language too', async ({ kredo }) => {
    const shell = new AppShellPage(kredo.page, 'en');
    await shell.open('settings');
    await kredo.page.getByRole('radio', { name: 'Nederlands' }).check();
    await expect(new AppShellPage(kredo.page, 'nl').heading).toHaveText(texts('nl').settings.title);
    await expect.poll(() => kredo.host.services.settings.get().language).toBe('nl');
  });
});
