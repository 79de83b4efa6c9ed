import { expect, test } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { WelcomePage } from './page-models/welcome-page';

const en = texts('en');

test.describe(() => {
  test.use({ start: 'demo' });

  test('keyboard shortcuts open screens and the list of shortcuts', async ({ kredo }) => {
    const shell = new AppShellPage(kredo.page, 'en');
    await expect(shell.heading).toHaveText(shell.titleOf('portfolio'));

    await kredo.page.keyboard.press('Control+3');
    await expect(shell.heading).toHaveText(shell.titleOf('ageing'));
    await kredo.page.keyboard.press('Control+6');
    await expect(shell.heading).toHaveText(shell.titleOf('imports'));
    await kredo.page.keyboard.press('Control+,');
    await expect(shell.heading).toHaveText(shell.titleOf('settings'));

    await kredo.page.keyboard.press('Control+/');
    const dialog = kredo.page.getByRole('dialog', { name: en.shell.shortcuts.title });
    await expect(dialog).toBeVisible();
    // Six screens, Settings, Import, this list, then the portfolio grid's search, moves, Enter and Escape.
    await expect(dialog.getByRole('row')).toHaveCount(13);
    await expect(dialog.getByRole('row', { name: en.shell.shortcuts.openDebtor })).toBeVisible();
    await kredo.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the sidebar is usable with the keyboard alone', async ({ kredo }) => {
    const shell = new AppShellPage(kredo.page, 'en');
    await shell.navItem('limits').focus();
    await kredo.page.keyboard.press('Enter');
    await expect(shell.heading).toHaveText(shell.titleOf('limits'));
    await expect(shell.main).toBeFocused();
  });
});

test('commands from the application menu reach the page', async ({ kredo }) => {
  const events = kredo.host.services.events;
  await expect(new WelcomePage(kredo.page, 'en').heading).toBeVisible();

  // File › Import… works even before there is a portfolio.
  events.publish('onMenuCommand', { type: 'import' });
  const shell = new AppShellPage(kredo.page, 'en');
  await expect(shell.heading).toHaveText(shell.titleOf('imports'));

  events.publish('onMenuCommand', { type: 'navigate', screen: 'dunning' });
  await expect(shell.heading).toHaveText(shell.titleOf('dunning'));

  events.publish('onMenuCommand', { type: 'show-shortcuts' });
  await expect(kredo.page.getByRole('dialog', { name: en.shell.shortcuts.title })).toBeVisible();
});
