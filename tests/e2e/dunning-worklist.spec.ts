import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, saveScreenshot, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';

test.use({ start: 'demo' });

/** The daily worklist with the real main process and the built-in sandbox insurer. */
test('the worklist processes a batch once, and an insurer deadline goes to the insurer and shows on the debtor page', async ({ kredo }) => {
  const { page } = kredo;
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  const rows = page.getByTestId('worklist').getByRole('row');
  const count = page.getByTestId('worklist-count');
  await expect(count).toContainText('things to do today');
  // The shipped Riksbank table ends before the test's today, and the Dutch rate in force is not confirmed:
  // the controller is told before letters claim interest.
  await expect(page.getByTestId('stale-rates')).toContainText('Statutory interest rates are known up to: Riksbank reference rate until 30/06/2026');
  await expect(page.getByTestId('stale-rates')).toContainText('Dutch commercial interest 10.4% from 01/07/2026');
  const before = Number(/\d+/.exec((await count.textContent()) ?? '')?.[0]);
  await saveScreenshot(page, 'dunning-worklist-en');

  // Two first reminders, processed in one click, leave the list for good; each letter is kept.
  const steps = rows.filter({ hasText: 'Send the first reminder' });
  const reminded = (await steps.nth(0).getByRole('button').first().textContent())!;
  // First the letter as it will go out, in the debtor's language, signed by the demo company.
  await steps.nth(0).getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('letter-preview')).toContainText('Kredo Demo B.V.');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('letter-preview')).toBeHidden();
  await steps.nth(0).getByRole('checkbox').check();
  await steps.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Process 2 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toHaveText('Done: 2 steps recorded, 0 sent to the insurer with the next sync.');
  await expect(count).toContainText(`${before - 2} things`);

  // The letter, as made: saved as PDF and as an e-mail draft from the debtor's page.
  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(reminded);
  const letters = page.getByTestId('debtor-letters');
  await expect(letters.getByRole('row').filter({ hasText: 'First reminder' })).toHaveCount(1);
  const pdfFile = path.join(kredo.userDataDir, 'reminder.pdf');
  kredo.answerFileDialogs({ saveTo: pdfFile });
  await letters.getByRole('button', { name: 'Save PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: pdfFile })).toBeVisible();
  const pdf = await getDocument({ data: new Uint8Array(await readFile(pdfFile)), isEvalSupported: false, disableFontFace: true }).promise;
  const text = (await (await pdf.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
  expect(text.replace(/\s+/g, ' ')).toContain(reminded);
  const emlFile = path.join(kredo.userDataDir, 'reminder.eml');
  kredo.answerFileDialogs({ saveTo: emlFile });
  await letters.getByRole('button', { name: 'Save e-mail draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: emlFile })).toBeVisible();
  const eml = await readFile(emlFile, 'utf8');
  expect(eml).toContain('X-Unsent: 1\r\n');
  expect(eml).toContain('Content-Type: application/pdf');
  await shell.open('dunning');

  // An overdue-notification deadline becomes a notification to the insurer, sent by the sync.
  const deadline = rows.filter({ hasText: 'Notify the insurer of the overdue invoices' }).filter({ hasNotText: 'passed' }).first();
  const debtorName = (await deadline.getByRole('button').first().textContent())!;
  await deadline.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Process 1 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toHaveText('Done: 0 steps recorded, 1 sent to the insurer with the next sync.');
  await new LimitsPage(page, 'en').expectSyncStatus('idle');
  await shell.open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(debtorName);
  const cases = page.getByTestId('insurer-cases');
  await expect(cases.getByRole('row').filter({ hasText: 'Overdue notification' })).toContainText('Received');
});

/** Issue 17: every action in a worklist row by keyboard alone, each with the focus ring drawn. */
test('the worklist by keyboard: Tab reaches the list, arrows and Space select the highlighted entry, Tab goes on to that entry’s checkbox and debtor button, Enter opens the debtor — each with a visible focus ring', async ({ kredo }) => {
  const { page } = kredo;
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  const worklist = page.getByRole('region', { name: 'Today’s worklist' });
  const hasFocusRing = () => page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const style = getComputedStyle(focused);
    return focused.matches(':focus-visible') && style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
  });

  await page.locator('body').focus();
  for (let step = 0; step < 80 && !(await worklist.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('Tab');
  await expect(worklist).toBeFocused();
  expect(await hasFocusRing()).toBe(true);
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
  await expect(worklist).toHaveAttribute('data-active-line', '2');
  await page.keyboard.press('Space');
  const highlighted = worklist.locator('tr.is-active');
  await expect(highlighted.getByRole('checkbox')).toBeChecked();
  await expect(page.getByRole('button', { name: /^Process \d+ selected$/ })).toBeEnabled();

  // Tab goes into the highlighted entry (not back to the first row): its checkbox, then its debtor's button.
  await page.keyboard.press('Tab');
  const checkbox = highlighted.getByRole('checkbox');
  await expect(checkbox).toBeFocused();
  expect(await hasFocusRing()).toBe(true);
  await page.keyboard.press('Space');
  await expect(checkbox).not.toBeChecked();
  await page.keyboard.press('Tab');
  const debtor = highlighted.getByRole('button').first();
  await expect(debtor).toBeFocused();
  expect(await hasFocusRing()).toBe(true);
  const name = (await debtor.textContent())!;
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText(name);
});
