import path from 'node:path';
import { DATA_TIERS, DEMO_SEED } from '../../shared/generator/data-tiers';
import { generateChunks, generatePolicy } from '../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../shared/generator/plan-portfolio';
import type { LedgerItem } from '../../shared/domain/ledger/ledger-types';
import { E2E_TODAY, expect, saveScreenshot, test } from './fixtures';
import { pdfText } from './pdf-text';
import { LimitsPage } from './page-models/limits-page';

test.use({ start: 'demo' });

/** A British demo debtor, in English and invoiced in pounds only, with at least two open invoices and nothing else to net. */
function britishDebtor(): { readonly name: string; readonly open: readonly LedgerItem[] } {
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today: E2E_TODAY });
  for (const chunk of generateChunks(plan, generatePolicy(E2E_TODAY))) {
    for (const debtor of chunk.debtors) {
      if (debtor.country !== 'GB' || debtor.language !== 'en') continue;
      const ledger = chunk.ledgers.find((candidate) => candidate.debtorId === debtor.id)!;
      const open = ledger.items.filter((item) => item.openMinor !== 0);
      const plain = open.every((item) => item.kind === 'invoice' && item.currency === 'GBP' && !item.dispute) && ledger.payments.every((payment) => payment.unappliedMinor === 0);
      if (plain && open.length >= 2) return { name: debtor.name, open };
    }
  }
  throw new Error('No British debtor with open invoices in pounds in the demo');
}

const pounds = (minor: number): string => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(minor / 100);
const minorOf = (text: string): number => Math.round(Number(text.replace(/[£,]/g, '')) * 100);

/** Issue 16, item 3: a statement of account from the debtor's page, read back from its PDF. */
test('a British debtor’s statement of account lists its open items and adds up in GBP, and is kept on its page and timeline', async ({ kredo }) => {
  const { page } = kredo;
  const { name, open } = britishDebtor();
  await new LimitsPage(page, 'en').openDebtor(name);
  await page.getByRole('button', { name: 'Preview statement of account…' }).click();
  const preview = page.getByTestId('statement-preview');
  await expect(preview).toContainText('Open items in GBP');
  for (const item of open) await expect(preview).toContainText(item.number);
  // A preview takes no letter number: its reference follows once the statement is kept (issue 16).
  const previewNote = page.getByText('A preview: the statement gets its own number and payment reference when it is kept (saved as PDF or sent).');
  await expect(previewNote).toBeVisible();
  await expect(preview).toContainText('Payment reference (RF): [given when the statement is made]');
  await saveScreenshot(page, 'statement-of-account-en');

  const file = path.join(kredo.userDataDir, 'statement.pdf');
  kredo.answerFileDialogs({ saveTo: file });
  await page.getByRole('button', { name: 'Keep and save PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: file })).toBeVisible();
  // Kept, the preview shows the reference the statement was given, and no longer says it follows.
  await expect(previewNote).toBeHidden();
  const kept = /Payment reference \(RF\): (RF[\d ]+)/.exec((await preview.textContent()) ?? '')?.[1]?.trim();
  expect(kept).toMatch(/^RF\d\d/);
  const text = await pdfText(file);
  expect(text.replace(/\s/g, '')).toContain(kept!.replace(/\s/g, ''));
  expect(text).toContain('Statement of account');
  expect(text).toContain('Open items in GBP');
  // Every open invoice with its open amount in pounds, and their sum.
  for (const item of open) expect(text).toMatch(new RegExp(`${item.number} .*?${pounds(item.amountMinor).replace(/[.$]/g, '\\$&')} ${pounds(item.openMinor).replace(/[.$]/g, '\\$&')}`));
  const principal = open.reduce((sum, item) => sum + item.openMinor, 0);
  expect(text).toContain(`Open invoices ${pounds(principal)}`);
  // The total is the principal plus the interest and costs shown apart, to the penny.
  const interest = /Statutory interest up to and including \S+ (£[\d,.]+)/.exec(text)?.[1];
  const costs = [...text.matchAll(/Fixed sum for late payment, invoice \S+ (£[\d,.]+)/g)].map((match) => minorOf(match[1]!));
  const total = /Total due in GBP (£[\d,.]+)/.exec(text)?.[1];
  expect(total).toBeDefined();
  expect(minorOf(total!)).toBe(principal + (interest ? minorOf(interest) : 0) + costs.reduce((sum, cost) => sum + cost, 0));
  // Its own RF reference, not the customer number, and the total in the policy currency (EUR in the demo).
  expect(text).toMatch(/Payment reference \(RF\) RF\d\d/);
  expect(text).toMatch(/Total due in all currencies, in EUR at the exchange rates of 24\/11\/2026: €[\d,.]+/);
  // A first statement lists the payments since the oldest open item was invoiced.
  const oldest = [...open].sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : 1))[0]!.invoiceDate;
  expect(text).toContain('Payments received since');
  for (const date of [...text.matchAll(/– (\d\d)\/(\d\d)\/(\d{4}) £/g)].map((match) => `${match[3]}-${match[2]}-${match[1]}`)) expect(date >= oldest).toBe(true);

  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('debtor-letters').getByRole('row').filter({ hasText: 'Statement of account' })).toHaveCount(1);
  await expect(page.locator('.timeline').getByText(/^Statement of account made: £[\d,.]+ due, RF/)).toBeVisible();
});
