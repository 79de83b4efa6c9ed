import { addDays } from '../../shared/time/iso-date';
import { E2E_TODAY, expect, saveScreenshot, test, type KredoApp } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { InterestRatesPage } from './page-models/interest-rates-page';

test.use({ start: 'demo' });

/**
 * Settings › Interest rates (issue 13, item 2): the Dunning note leads there, bad input is refused next to
 * its field and changes nothing, and a rate row added there changes the rate and interest of the next letter.
 */
/** Processes the debtor's entries on the worklist of the day the app was opened. */
async function workTheList(app: KredoApp, name: string): Promise<void> {
  const { page } = app;
  await new AppShellPage(page, 'en').open('dunning');
  await expect(page.getByTestId('worklist-count').or(page.getByText('Nothing to do today'))).toBeVisible({ timeout: 60_000 });
  const rows = page.getByTestId('worklist').getByRole('row').filter({ hasText: name });
  const count = await rows.count();
  for (let index = 0; index < count; index += 1) await rows.nth(index).getByRole('checkbox').check();
  if (count > 0) {
    await page.getByRole('button', { name: `Process ${count} selected` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toBeVisible();
  }
}

test('a Dutch rate added under Settings › Interest rates is in the next letter; bad input changes nothing', async ({ kredo }) => {
  test.setTimeout(300_000);
  await new AppShellPage(kredo.page, 'en').open('dunning');
  // A Dutch debtor's first reminder (no interest yet) today, its call a week later, its second reminder —
  // the first letter that claims interest — a week after that.
  const firstReminders = kredo.page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Send the first reminder' });
  let candidate = 0;
  for (;;) {
    await firstReminders.nth(candidate).getByRole('button', { name: 'Preview' }).click();
    const language = await kredo.page.locator('dialog.letter-preview [lang]').getAttribute('lang');
    await kredo.page.getByRole('button', { name: 'Close' }).click();
    if (language === 'nl') break;
    candidate += 1;
  }
  const debtor = (await firstReminders.nth(candidate).getByRole('button').first().textContent())!;
  await workTheList(kredo, debtor);
  let app = await kredo.restart({ today: addDays(E2E_TODAY, 8) });
  await workTheList(app, debtor);
  app = await app.restart({ today: addDays(E2E_TODAY, 15) });
  const { page } = app;
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  const secondReminder = page.getByTestId('worklist').getByRole('row').filter({ hasText: debtor }).filter({ hasText: 'Send the second reminder' }).first();

  // Its letter claims interest at the shipped (not confirmed) 10.40 % from 1 July 2026.
  const preview = page.getByTestId('letter-preview');
  await secondReminder.getByRole('button', { name: 'Preview' }).click();
  await expect(preview).toContainText('Het rentepercentage bedraagt 10,4% per jaar');
  const before = (await preview.textContent()) ?? '';
  await page.getByRole('button', { name: 'Close' }).click();

  // The note above the list says which rates are unconfirmed or out of date, and leads to the tables.
  const note = page.getByTestId('stale-rates');
  await expect(note).toContainText('Dutch commercial interest 10.4% from 01/07/2026');
  await note.getByRole('button', { name: 'Check the interest rates' }).click();
  const rates = new InterestRatesPage(page, 'en');
  await expect(rates.section.getByRole('heading', { name: 'Interest rates', level: 2 })).toBeFocused();
  const dutch = rates.table('NL_HANDELSRENTE');
  await expect(dutch.getByRole('row').nth(1)).toContainText('01/07/2026');
  await expect(dutch.getByRole('row').nth(1)).toContainText('Not confirmed: check it');
  await saveScreenshot(page, 'interest-rates-en');

  // A negative rate on a date that is no half-year start: each refused next to its field; nothing stored.
  await rates.addRate({ kind: 'NL_HANDELSRENTE', from: '2026-12-01', rate: '-1', source: 'typo' });
  await expect(rates.field('validFrom')).toHaveAccessibleDescription('This rate is fixed per half-year: choose 1 January or 1 July.');
  await expect(rates.field('rate')).toHaveAccessibleDescription('A rate of this table cannot be below 0%.');
  await expect(rates.outcome()).toHaveText('Not added: 2 fields need attention.');
  await expect(dutch.getByText('Added by you')).toHaveCount(0);
  // An implausible jump asks for confirmation first.
  await rates.addRate({ kind: 'NL_HANDELSRENTE', from: '2026-07-01', rate: '14,15', source: 'typo' });
  await expect(rates.field('rate')).toHaveAccessibleDescription('This is 4% away from the rate in force before it (10.15% from 01/01/2026). Check it and confirm that it is right.');
  await expect(dutch.getByText('Added by you')).toHaveCount(0);

  // The right rate: in force at once, the shipped row it replaces kept for reference.
  await rates.addRate({ kind: 'NL_HANDELSRENTE', from: '2026-07-01', rate: '11,15', source: 'dnb.nl' });
  await expect(rates.outcome()).toHaveText('Dutch commercial interest (wettelijke handelsrente): 11,15 % from 01/07/2026 added. The next letter uses it.');
  await expect(dutch.getByRole('row').nth(1)).toContainText('In force · Added by you');
  await expect(dutch.getByRole('row').nth(2)).toContainText('Replaced by your row');

  // The next letter to the same debtor names the new rate, and its interest amounts changed with it.
  await shell.open('dunning');
  await expect(page.getByTestId('stale-rates')).not.toContainText('Dutch commercial interest 10.4%');
  await secondReminder.getByRole('button', { name: 'Preview' }).click();
  await expect(preview).toContainText('Het rentepercentage bedraagt 11,15% per jaar');
  const after = (await preview.textContent()) ?? '';
  const amounts = (text: string) => text.replace(/bedraagt [\d,]+% per jaar/, '').match(/€\s?[\d.]+,\d\d/g);
  expect(amounts(after)).not.toEqual(amounts(before));
  await saveScreenshot(page, 'interest-rates-letter-en');
});
