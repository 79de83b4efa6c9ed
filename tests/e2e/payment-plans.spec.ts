import { expect, saveScreenshot, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';

test.use({ start: 'demo' });

/** A payment plan agreed on the debtor's page: instalments to the cent, and dunning of its invoices paused. */
test('a payment plan agreed with a debtor splits what is open into instalments and takes its reminder off the list until it is ended', async ({ kredo }) => {
  const { page } = kredo;
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  const reminders = page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Send the first reminder' });
  await expect(reminders.first()).toBeVisible();
  const name = (await reminders.first().getByRole('button').first().textContent())!;

  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(name);
  const plans = page.getByRole('region', { name: 'Payment plans' });
  await expect(plans).toContainText('No payment plans.');
  await plans.getByRole('button', { name: 'Agree a payment plan' }).click();
  const form = plans.getByRole('form', { name: 'Agree a payment plan' });
  await form.getByLabel('Number of instalments').fill('4');
  await form.getByLabel('Every').selectOption({ label: '2 months' });
  const total = form.getByTestId('plan-proposal-total');
  await expect(total).toContainText(/Open .* \+ interest .* = /);
  // Interest on the unpaid principal while the plan runs: the instalments then decline.
  await form.getByLabel(/Charge interest on the unpaid principal while the plan runs \(\d+\.\d+% a year\)/).check();
  await expect(total).toContainText(/\+ interest during the plan .* = /);
  const proposed = form.getByRole('table', { name: 'Proposed instalments' }).getByRole('row');
  await expect(proposed).toHaveCount(5);
  const amounts = (await proposed.locator('td.numeric').allTextContents()).map((text) => Number(text.replace(/[^\d.]/g, '')));
  // Two months on three quarters of the principal cost more than two months on the last quarter.
  expect(amounts[1]).toBeGreaterThan(amounts[3]!);
  await form.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'payment-plan-form-en');
  await form.getByRole('button', { name: 'Agree plan' }).click();

  await expect(form).toBeHidden();
  const plan = plans.getByTestId('payment-plan');
  await expect(plan).toContainText(/in 4 instalments, .*0\.00 paid — running/);
  await expect(plan.getByRole('table', { name: 'Instalments' }).getByRole('row').filter({ hasText: 'To come' })).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Payment plan agreed');
  await plan.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'payment-plan-en');

  // While the plan is kept, the debtor's invoices are not dunned.
  await shell.open('dunning');
  await expect(page.getByTestId('worklist-count')).toBeVisible();
  await expect(reminders.filter({ hasText: name })).toHaveCount(0);

  // Renegotiating: the plan is ended on the debtor's page, and the reminder is back on the list.
  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(name);
  await plans.getByRole('button', { name: 'End plan' }).click();
  await expect(plan).toContainText(/— ended on \d\d\/\d\d\/\d{4}/);
  await expect(plans.getByRole('button', { name: 'End plan' })).toHaveCount(0);
  await shell.open('dunning');
  await expect(reminders.filter({ hasText: name }).first()).toBeVisible();
});
