import { expect, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';

test.use({ start: 'demo' });

/** A debtor's letter language and law, corrected on its page: the next letter follows, the timeline says so. */
test('a Dutch debtor set to English letters gets its next reminder in English, and the timeline records the change', async ({ kredo }) => {
  const { page } = kredo;
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  const reminders = page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Send the first reminder' });
  await expect(reminders.first()).toBeVisible();
  const preview = page.locator('dialog.letter-preview [lang]');
  const languageOfPreview = async (row: number) => {
    await reminders.nth(row).getByRole('button', { name: 'Preview' }).click();
    const language = await preview.getAttribute('lang');
    await page.getByRole('button', { name: 'Close' }).click();
    return language;
  };
  let row = 0;
  while ((await languageOfPreview(row)) !== 'nl') row += 1;
  const name = (await reminders.nth(row).getByRole('button').first().textContent())!;

  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(name);
  const identity = page.getByRole('region', { name: 'Identity and contacts' });
  await expect(identity).toContainText('Letter languageDutch');
  await expect(identity).toContainText('Law appliedDutch law (BW 6:119a, WIK)');
  await identity.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = identity.getByRole('form', { name: 'Debtor settings' });
  await form.getByLabel('Letter language').selectOption({ label: 'English' });
  // The segment is one of the credit policy's, chosen from a list, never typed.
  const segment = form.getByLabel('Segment');
  await expect(segment.getByRole('option')).toHaveText(['None (the policy’s default ladder)', 'key-account', 'standard', 'small']);
  const current = await segment.inputValue();
  const chosen = current === 'small' ? 'standard' : 'small';
  await segment.selectOption(chosen);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(identity).toContainText('Letter languageEnglish');
  await expect(identity).toContainText(`Segment${chosen}`);
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(new RegExp(`Settings changed: Letter language from Dutch to English; Segment from ${current} to ${chosen}`));

  await shell.open('dunning');
  await expect(reminders.filter({ hasText: name }).first()).toBeVisible();
  await reminders.filter({ hasText: name }).first().getByRole('button', { name: 'Preview' }).click();
  await expect(preview).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('letter-preview')).toContainText(/^Dear /);
});
