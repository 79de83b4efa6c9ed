import { expect, saveScreenshot, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';
import { WelcomePage } from './page-models/welcome-page';

/** The daily worklist with the real main process and the built-in sandbox insurer. */
test('the worklist processes a batch once, and an insurer deadline goes to the insurer and shows on the debtor page', async ({ kredo }) => {
  const { page } = kredo;
  await new WelcomePage(page, 'en').openDemoPortfolio();
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  const rows = page.getByTestId('worklist').getByRole('row');
  const count = page.getByTestId('worklist-count');
  await expect(count).toContainText('things to do today');
  const before = Number(/\d+/.exec((await count.textContent()) ?? '')?.[0]);
  await saveScreenshot(page, 'dunning-worklist-en');

  // Two letters or calls, processed in one click, leave the list for good.
  const steps = rows.filter({ has: page.locator('xpath=self::*[@data-kind="dunning"]') });
  await steps.nth(0).getByRole('checkbox').check();
  await steps.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Process 2 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toHaveText('Done: 2 steps recorded, 0 sent to the insurer with the next sync.');
  await expect(count).toContainText(`${before - 2} things`);

  // An overdue-notification deadline becomes a notification to the insurer, sent by the sync.
  const deadline = rows.filter({ hasText: 'Notify the insurer of the overdue invoices' }).filter({ hasNotText: 'passed' }).first();
  const debtorName = (await deadline.getByRole('button').textContent())!;
  await deadline.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Process 1 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toHaveText('Done: 0 steps recorded, 1 sent to the insurer with the next sync.');
  await new LimitsPage(page, 'en').expectSyncStatus('idle');
  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(debtorName);
  const cases = page.getByTestId('insurer-cases');
  await expect(cases.getByRole('row').filter({ hasText: 'Overdue notification' })).toContainText('Received');
});
