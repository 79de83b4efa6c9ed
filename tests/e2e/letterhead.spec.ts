import { expect, saveScreenshot, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';

test.use({ start: 'demo' });

/** The company's own letterhead: checked field by field, then on the next letter the worklist previews. */
test('a letterhead with a mistyped IBAN is refused next to the field, and once right the next letter carries it', async ({ kredo }) => {
  const { page } = kredo;
  const shell = new AppShellPage(page, 'en');
  await shell.open('settings');
  const letterhead = page.getByRole('region', { name: 'Letterhead' });
  await letterhead.getByLabel('Company name').fill('Noorderlicht Groothandel B.V.');
  const iban = letterhead.getByLabel('IBAN');
  await iban.fill('NL92 ABNA 0417 1643 00');
  await letterhead.getByRole('button', { name: 'Save letterhead' }).click();
  await expect(letterhead.getByRole('alert')).toHaveText('Not saved: 1 field needs attention.');
  await expect(iban).toHaveAccessibleDescription('Not a valid IBAN: check the digits.');

  await iban.fill('NL91 ABNA 0417 1643 00');
  await letterhead.getByRole('button', { name: 'Save letterhead' }).click();
  await expect(letterhead.getByRole('status')).toHaveText('Saved. The next letters carry this letterhead.');
  await letterhead.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'settings-letterhead-en');

  await shell.open('dunning');
  const reminder = page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Send the first reminder' }).first();
  await reminder.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('letter-preview')).toContainText('Noorderlicht Groothandel B.V.');
  await expect(page.getByTestId('letter-preview')).toContainText('NL91 ABNA 0417 1643 00');
});
