import { DEMO_DEBTORS, countStoredRecords, expectedDemo } from './demo-portfolio';
import { E2E_TODAY, expect, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

test('the demo portfolio keeps every record through a reload and a restart', async ({ kredo }) => {
  const expected = expectedDemo(E2E_TODAY).counts;
  await new WelcomePage(kredo.page, 'en').openDemoPortfolio();
  await new PortfolioPage(kredo.page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  expect(await kredo.page.evaluate(countStoredRecords)).toEqual(expected);

  await kredo.page.reload();
  await new PortfolioPage(kredo.page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  expect(await kredo.page.evaluate(countStoredRecords)).toEqual(expected);

  const restarted = await kredo.restart();
  const shell = new AppShellPage(restarted.page, 'en');
  await expect(shell.heading).toHaveText(shell.titleOf('portfolio'));
  await expect(new WelcomePage(restarted.page, 'en').heading).toBeHidden();
  expect(await restarted.page.evaluate(countStoredRecords)).toEqual(expected);
});

test('Settings shows the version and log file and opens the log folder', async ({ kredo }) => {
  await new WelcomePage(kredo.page, 'en').openDemoPortfolio();
  const shell = new AppShellPage(kredo.page, 'en');
  await shell.open('settings');
  await expect(shell.main.getByText(kredo.host.services.logger.filePath)).toBeVisible();
  await shell.main.getByRole('button', { name: 'Open log folder' }).click();
  // Settings has other live regions (the Updates section's note): the one that answers this button.
  await expect(shell.main.getByRole('status').filter({ hasText: 'log folder' })).toHaveText('The log folder has been opened.');
  expect(kredo.opened).toEqual([`${kredo.userDataDir}/logs`]);
});
