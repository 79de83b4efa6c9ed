import { expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';

/**
 * The turnover declaration (omzetopgave, issue 18 item 4) in Chromium, in Dutch, against the built-in sandbox in
 * its canonical dialect: after a sync the policy's terms say monthly, the last month is computed from the demo
 * ledger per country with its total, Controleren → Naar de verzekeraar sturen sends it and the insurer's premium
 * is shown, and a second send of the same month is booked as a correction (version 2), both kept in the list.
 */
test.use({ systemLocales: ['nl-NL'], start: 'demo' });

test('a month’s turnover is computed from the ledger, reviewed, sent to the insurer and then corrected', async ({ kredo }) => {
  const { page } = kredo;
  const nl = texts('nl');
  const shell = new AppShellPage(page, 'nl');
  await shell.open('sync');
  await page.getByRole('button', { name: nl.sync.indicator.syncNow }).click();
  const section = page.getByRole('region', { name: nl.sync.turnover.title, exact: true });
  await expect(section).toContainText(nl.sync.turnover.policyFrequency.monthly, { timeout: 60_000 });
  await expect(section.getByTestId('turnover-way')).toHaveText(nl.sync.turnover.viaApi);

  await section.getByRole('button', { name: nl.sync.turnover.prepare }).click();
  const lines = section.getByTestId('turnover-lines');
  for (const country of ['Nederland', 'Zweden', 'Verenigd Koninkrijk']) await expect(lines).toContainText(country);
  await expect(section.getByTestId('turnover-total')).toContainText('€');
  await section.getByRole('button', { name: nl.sync.turnover.review }).click();
  await section.getByTestId('turnover-confirm').getByRole('button', { name: nl.sync.turnover.send }).click();
  await expect(section.getByTestId('turnover-message')).toContainText(nl.sync.turnover.premium.split(':')[0]!);
  const history = section.getByTestId('turnover-history');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText(nl.sync.turnover.state.sent);

  // The same month again: Kredo says it was declared and sends version 2, which the insurer books as a correction.
  await section.getByRole('button', { name: nl.sync.turnover.prepare }).click();
  await expect(section).toContainText(fill(nl.sync.turnover.declaredBefore, { version: 1, next: 2 }));
  await section.getByRole('button', { name: nl.sync.turnover.review }).click();
  await section.getByTestId('turnover-confirm').getByRole('button', { name: nl.sync.turnover.send }).click();
  await expect(section.getByTestId('turnover-message')).toContainText(nl.sync.turnover.correctionSent.split('{{')[0]!.trim());
  await expect(history.getByRole('row')).toHaveCount(3);
  await saveScreenshot(page, 'turnover-declaration-nl');
});
