import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';

test.use({ start: 'demo' });

async function pageTexts(file: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    pages.push((await (await pdf.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

const COUNTRY_CODES: Readonly<Record<string, string>> = { 'United Kingdom': 'GB', Netherlands: 'NL', Sweden: 'SE' };

/** Issue 16, item 2: the letters of one processing run printed in one go, in the order they go into envelopes. */
test('after processing, the print batch saves the run’s letters as one PDF: a covering list, then the letters in envelope order', async ({ kredo }) => {
  const { page } = kredo;
  await new AppShellPage(page, 'en').open('dunning');
  const rows = page.getByTestId('worklist').getByRole('row');
  await expect(page.getByTestId('worklist-count')).toContainText('things to do today');
  const steps = rows.filter({ hasText: 'Send the first reminder' });
  const names: string[] = [];
  for (let index = 0; index < 4; index++) {
    names.push((await steps.nth(index).getByRole('button').first().textContent())!.trim());
    await steps.nth(index).getByRole('checkbox').check();
  }
  await page.getByRole('button', { name: 'Process 4 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toContainText('Done: 4 steps recorded');

  const file = path.join(kredo.userDataDir, 'print-batch.pdf');
  kredo.answerFileDialogs({ saveTo: file });
  await page.getByRole('button', { name: 'Save print batch (PDF)' }).click();
  await expect(page.getByTestId('print-batch-status')).toHaveText(`Print batch saved to ${file}`);

  const [cover, ...letterPages] = await pageTexts(file);
  expect(cover).toContain('Print batch: letters to post');
  expect(cover).toContain('4 letters made on');
  // Each letter on the covering list with its step and a payment reference; in the order of the list…
  const listed = [...names].sort((a, b) => cover!.indexOf(a) - cover!.indexOf(b));
  for (const name of names) expect(cover).toContain(name);
  expect(cover!.match(/First reminder/g)).toHaveLength(4);
  // …which is envelope order, country first (each line names its destination, "postcode town, country"; the
  // order within a country is the unit test's, print-batch.test.ts).
  const countries = listed.map((name) => COUNTRY_CODES[new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .+?, (United Kingdom|Netherlands|Sweden)`).exec(cover!)![1]!]);
  expect(countries).toEqual([...countries].sort());
  // Then the letters themselves, each starting on a page of its own, in that same order.
  const firstPages = listed.map((name) => letterPages.findIndex((text) => text.includes(name)));
  expect(firstPages.every((index) => index >= 0)).toBe(true);
  expect(firstPages).toEqual([...firstPages].sort((a, b) => a - b));
});
