import { expect, saveScreenshot, test } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';

test.use({ systemLocales: ['sv-SE'], start: 'demo' });

/**
 * Settings › Uppdateringar in Swedish, through the real main services. The Chromium host cannot update
 * itself, so the section says so (the state machine and electron-updater are unit-tested against fakes);
 * what the user sets here is checked next to the field and kept for the desktop app.
 */
test('uppdateringar är avstängda från början, vill ha en https-adress och behåller den efter en omstart', async ({ kredo }) => {
  const sv = texts('sv').settings.updates;
  const { page } = kredo;
  await new AppShellPage(page, 'sv').open('settings');
  const updates = page.getByRole('region', { name: sv.title });
  const enabled = updates.getByRole('checkbox', { name: sv.enabled });
  const address = updates.getByLabel(sv.url);
  await expect(enabled).not.toBeChecked();
  await expect(updates.getByRole('status')).toHaveText(sv.status.unsupported);

  await enabled.check();
  await updates.getByRole('button', { name: sv.save }).click();
  await expect(address).toHaveAccessibleDescription(sv.urlProblems.required);
  await address.fill('http://updates.example.com/kredo/');
  await updates.getByRole('button', { name: sv.save }).click();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(sv.urlProblems.notHttps);

  await address.fill('https://updates.example.com/kredo/');
  await updates.getByRole('button', { name: sv.save }).click();
  await expect(address).toHaveAccessibleDescription(sv.urlHint);
  await updates.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'settings-updates-sv');

  const restarted = await kredo.restart();
  await new AppShellPage(restarted.page, 'sv').open('settings');
  const again = restarted.page.getByRole('region', { name: sv.title });
  await expect(again.getByRole('checkbox', { name: sv.enabled })).toBeChecked();
  await expect(again.getByLabel(sv.url)).toHaveValue('https://updates.example.com/kredo/');
  // Nothing to offer in a host that cannot install: no notice in the top bar.
  await expect(restarted.page.getByRole('banner').getByText(texts('sv').shell.update.installNow)).toHaveCount(0);
});
