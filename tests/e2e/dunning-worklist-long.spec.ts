import { addDays } from '../../shared/time/iso-date';
import { E2E_TODAY, expect, saveScreenshot, test } from './fixtures';
import { DEMO_DEBTORS } from './demo-portfolio';
import { AppShellPage } from './page-models/app-shell-page';
import { PortfolioPage } from './page-models/portfolio-page';

test.use({ start: 'demo' });

/**
 * Issue 14: the worklist listed only its first 300 entries, with no way to reach the rest. Two months after
 * the demo portfolio was opened, with nothing done meanwhile, it holds more than 300; the last one is
 * reached from the keyboard, found by search, and processed like any other.
 */
test('a worklist of more than 300 entries reaches its last entry, which can be processed', async ({ kredo }) => {
  await new PortfolioPage(kredo.page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  const { page } = await kredo.restart({ today: addDays(E2E_TODAY, 60) });
  await new AppShellPage(page, 'en').open('dunning');
  const count = page.getByTestId('worklist-count');
  await expect(count).toContainText('things to do today', { timeout: 60_000 });
  const total = Number(/[\d,]+/.exec((await count.textContent()) ?? '')![0].replace(/,/g, ''));
  expect(total).toBeGreaterThan(300);

  // Only the entries in view are in the page; the last one is not, until the list gets there.
  const list = page.getByRole('region', { name: 'Today’s worklist' });
  const lastRow = page.getByTestId('worklist').locator(`tr[aria-rowindex="${total + 1}"]`);
  await expect(lastRow).toHaveCount(0);
  const firstName = (await page.getByTestId('worklist').locator('tr[aria-rowindex="2"]').getByRole('button').first().textContent())!;
  await list.focus();
  await page.keyboard.press('End');
  await expect(lastRow).toBeVisible();
  await saveScreenshot(page, 'dunning-worklist-last-entry');

  // Space ticks the highlighted entry; processed, it leaves the list.
  await page.keyboard.press('Space');
  await expect(lastRow.getByRole('checkbox')).toBeChecked();
  await page.getByRole('button', { name: 'Process 1 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toContainText(/Done: [01] steps? recorded, [01] sent to the insurer/);
  await expect(count).toContainText(`${(total - 1).toLocaleString('en')} things to do today`);

  // The search finds a debtor's entries, and only theirs.
  await page.getByLabel('Search').fill(firstName);
  await expect(count).toContainText('of them shown');
  const rows = page.getByTestId('worklist').locator('tbody tr:not([aria-hidden])');
  await expect(rows.first()).toContainText(firstName);
  for (const text of await rows.allTextContents()) expect(text).toContain(firstName);
});
