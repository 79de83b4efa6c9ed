import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, saveScreenshot, test, type KredoApp } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';

test.use({ start: 'demo' });

/** Processes the first Dutch first reminder on today's worklist and returns the debtor's name. */
async function remindFirstDutchDebtor(page: Page): Promise<string> {
  await page.getByLabel('Country').selectOption({ label: 'Netherlands' });
  await page.getByLabel('To do').selectOption({ label: 'Send the first reminder' });
  const row = page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Send the first reminder' }).first();
  const name = (await row.getByRole('button').first().textContent())!;
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Process 1 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toHaveText('Done: 1 steps recorded, 0 sent to the insurer with the next sync.');
  return name;
}

/** The first page of a debtor's kept first reminder, saved as PDF from its page and read back. */
async function keptLetterText(kredo: KredoApp, name: string, file: string): Promise<string> {
  const { page } = kredo;
  await new AppShellPage(page, 'en').open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(name);
  const letters = page.getByTestId('debtor-letters');
  await expect(letters.getByRole('row').filter({ hasText: 'First reminder' })).toHaveCount(1);
  const pdfFile = path.join(kredo.userDataDir, file);
  kredo.answerFileDialogs({ saveTo: pdfFile });
  await letters.getByRole('button', { name: 'Save PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: pdfFile })).toBeVisible();
  const pdf = await getDocument({ data: new Uint8Array(await readFile(pdfFile)), isEvalSupported: false, disableFontFace: true }).promise;
  return (await (await pdf.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
}

/** Issue 16, item 4: the controller's own Dutch opening, versioned, in the next Dutch letter only. */
test('an edited Dutch opening paragraph appears in the next Dutch letter while an earlier letter keeps its text', async ({ kredo }) => {
  test.slow();
  const { page } = kredo;
  const shell = new AppShellPage(page, 'en');
  await shell.open('dunning');
  const earlier = await remindFirstDutchDebtor(page);

  await shell.open('settings');
  const section = page.getByRole('region', { name: 'Letter texts' });
  await section.getByLabel('Letter language').selectOption('nl');
  await section.getByLabel('Letter', { exact: true }).selectOption({ label: 'First reminder' });
  await expect(section.getByText('No versions yet')).toBeVisible();
  const opening = section.getByLabel('Opening paragraph');
  // A typing slip in a placeholder is refused in so many words, and nothing is saved.
  await opening.fill('Wij missen nog uw betaling, {debiteur}.');
  await section.getByRole('button', { name: 'Save as new version' }).click();
  await expect(section.getByRole('alert')).toHaveText('Not saved: {debiteur} is not a placeholder Kredo knows. Use {debtorName}, {contactName}, {customerCode}, {date}, {creditorName}, {phone} or {email}.');
  await expect(section.getByText('No versions yet')).toBeVisible();

  await opening.fill('Wij missen nog uw betaling, {debtorName}.');
  await expect(section.getByTestId('letter-text-preview')).toContainText('Wij missen nog uw betaling, Voorbeeld Handel B.V.');
  await expect(section.getByTestId('letter-text-preview')).toContainText('Totaal te betalen');
  await section.getByRole('button', { name: 'Save as new version' }).click();
  await expect(section.getByRole('status')).toHaveText('Saved as version 1. The next letters use it; letters already made keep their text.');
  await expect(section.getByTestId('letter-text-versions').getByRole('row')).toHaveCount(2);
  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'settings-letter-texts-en');

  await shell.open('dunning');
  const next = await remindFirstDutchDebtor(page);
  expect(next).not.toBe(earlier);

  const nextText = await keptLetterText(kredo, next, 'next.pdf');
  expect(nextText).toContain('Wij missen nog uw betaling,');
  expect(nextText).not.toContain('Volgens onze administratie');
  const earlierText = await keptLetterText(kredo, earlier, 'earlier.pdf');
  expect(earlierText).toContain('Volgens onze administratie');
  expect(earlierText).not.toContain('Wij missen nog uw betaling');
});
