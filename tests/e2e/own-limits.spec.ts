import { addMonths } from '../../shared/time/iso-date';
import { E2E_TODAY, expect, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { DebtorPage } from './page-models/debtor-page';
import { LimitsPage } from './page-models/limits-page';

test.use({ start: 'demo' });

/**
 * Own limits (issue 13, item 3): an uninsured debtor on the Limits screen gets a discretionary limit on its
 * page. One above the policy's discretionary limit (€25,000 in the demo) is refused next to the amount and
 * changes nothing; one within it takes the debtor off the list of uninsured exposure.
 */
test('a discretionary limit set on a debtor removes its uninsured alert; one above the policy’s discretionary limit is refused next to the field', async ({ kredo }) => {
  const { page } = kredo;
  const { limits, debtor: debtorTexts } = texts('en');
  const shell = new AppShellPage(page, 'en');
  await shell.open('limits');
  const limitsPage = new LimitsPage(page, 'en');
  const uninsured = limitsPage.alerts.getByRole('row').filter({ hasText: limits.alerts.kinds.uninsured }).filter({ hasText: limits.alerts.discretionaryYes });
  await expect(uninsured.first()).toBeVisible();
  const name = (await uninsured.first().getByRole('cell').nth(1).textContent())!.trim();
  await page.screenshot({ path: 'test-results/screenshots/own-limits-alert-before.png' });

  await shell.open('portfolio');
  await limitsPage.openDebtor(name);
  const debtorPage = new DebtorPage(page, 'en');
  const own = debtorTexts.ownLimit;
  const amount = debtorPage.ownLimits.getByLabel(own.amount);
  const since = addMonths(E2E_TODAY, -18);

  await debtorPage.setOwnLimit({ kind: 'discretionary', amount: '25000.01', condition: 'paymentExperience', conditionDate: since, reason: 'Paid on time for 18 months' });
  await expect(amount).toHaveAccessibleDescription(fill(own.errors.aboveDiscretionary, { max: '€25,000.00' }));
  await page.screenshot({ path: 'test-results/screenshots/own-limits-refused.png' });
  // Nothing changed: no own limit on the page, and the debtor is still uninsured on the Limits screen.
  await expect(debtorPage.ownLimits.getByTestId('own-limit-discretionary')).toHaveCount(0);
  await expect(debtorPage.section(debtorTexts.limits.title)).toContainText(debtorTexts.limits.none);

  await debtorPage.setOwnLimit({ kind: 'discretionary', amount: '25000', condition: 'paymentExperience', conditionDate: since, reason: 'Paid on time for 18 months' });
  await expect(debtorPage.ownLimits.getByRole('status')).toHaveText(own.saved);
  await expect(debtorPage.ownLimits.getByTestId('own-limit-discretionary')).toContainText(fill(own.current.discretionary, { amount: '€25,000.00', from: '' }).trim());
  await expect(debtorPage.section(debtorTexts.limits.title)).toContainText(debtorTexts.limits.source.discretionary);
  await expect(debtorPage.section(debtorTexts.limits.title).getByTestId('own-limit-basis')).toContainText('Paid on time for 18 months');
  await page.screenshot({ path: 'test-results/screenshots/own-limits-set.png', fullPage: true });

  await shell.open('limits');
  await expect(limitsPage.alerts.getByRole('row').filter({ hasText: limits.alerts.kinds.uninsured }).first()).toBeVisible();
  await expect(limitsPage.alerts.getByRole('row').filter({ hasText: name }).filter({ hasText: limits.alerts.kinds.uninsured })).toHaveCount(0);
});
