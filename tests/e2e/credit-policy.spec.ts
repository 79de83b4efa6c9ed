import { expect, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';

test.use({ systemLocales: ['nl-NL'], start: 'demo' });

/** The credit-policy editor in Dutch: a wrong field is named in Dutch and nothing is saved until it is right. */
test('het kredietbeleid weigert een belmoment vóór het einde van de betaaltermijn en slaat pas op als alles klopt', async ({ kredo }) => {
  const { page } = kredo;
  await new AppShellPage(page, 'nl').open('settings');
  const standard = page.getByRole('group', { name: 'Aanmaanladder: Standaard' });
  const call = standard.getByRole('group', { name: 'Telefoongesprek' });
  const wait = call.getByLabel('Dagen na de vorige stap');
  await wait.fill('1');
  await page.getByRole('button', { name: 'Kredietbeleid opslaan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Niet opgeslagen' })).toHaveText('Niet opgeslagen: 1 veld moet worden aangepast (hierboven gemarkeerd).');
  await expect(call).toContainText('Minstens 8 dagen: eerst moet de termijn van de vorige brief verlopen.');
  await expect(wait).toHaveAttribute('aria-invalid', 'true');

  await wait.fill('10');
  await page.getByRole('button', { name: 'Kredietbeleid opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toHaveText('Opgeslagen. De werklijst van vandaag volgt het nieuwe beleid.');
  // Kept across a restart.
  const restarted = await kredo.restart();
  await new AppShellPage(restarted.page, 'nl').open('settings');
  await expect(restarted.page.getByRole('group', { name: 'Aanmaanladder: Standaard' }).getByRole('group', { name: 'Telefoongesprek' }).getByLabel('Dagen na de vorige stap')).toHaveValue('10');
});
