import path from 'node:path';
import { seedSandboxState } from '../../electron/sandbox/seed-sandbox';
import { DATA_TIERS, DEMO_SEED } from '../../shared/generator/data-tiers';
import { generateChunks, generatePolicy } from '../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../shared/generator/plan-portfolio';
import type { Jurisdiction } from '../../shared/domain/debtors/debtor';
import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { E2E_TODAY, expect, saveScreenshot, test, type KredoApp } from './fixtures';
import { pdfText } from './pdf-text';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';

test.use({ start: 'demo' });

/**
 * A Dutch, a Swedish and a British demo debtor from overdue to payout in the Chromium host, with the
 * built-in sandbox insurer: the controller opens Kredo once a week, works the debtor's entries on the
 * worklist (reminders, call, formal notice, the insurer's notification deadline, stop supply, handover),
 * files the claim, and seven months later finds the settlement. (tests/integration/dunning-journey.test.ts
 * walks the same debtors day by day, and checks the amounts.)
 */
function debtorJustOverdue(jurisdiction: Jurisdiction): string {
  const sandbox = seedSandboxState({ now: new Date(`${E2E_TODAY}T12:00:00Z`) });
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today: E2E_TODAY });
  for (const chunk of generateChunks(plan, generatePolicy(E2E_TODAY))) {
    for (const debtor of chunk.debtors) {
      const company = sandbox.companies.find((candidate) => candidate.debtorId === debtor.id);
      const insured = sandbox.covers.some((cover) => cover.companyId === company?.companyId && cover.status === 'APPROVED' && !cover.pendingChange);
      if (debtor.jurisdiction !== jurisdiction || !insured || !company || company.grade > 6) continue;
      const open = chunk.ledgers.find((ledger) => ledger.debtorId === debtor.id)!.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0);
      const overdue = open.filter((item) => item.dueDate < E2E_TODAY);
      if (overdue.length > 0 && !open.some((item) => item.dispute) && overdue.every((item) => addDays(item.dueDate, 20) >= E2E_TODAY)) return debtor.name;
    }
  }
  throw new Error(`No fresh ${jurisdiction} debtor in the demo`);
}

/** Works every worklist entry of the debtor on the day the app was opened; returns what was done. */
async function workTheList(app: KredoApp, name: string): Promise<string[]> {
  const { page } = app;
  await new AppShellPage(page, 'en').open('dunning');
  await expect(page.getByTestId('worklist-count').or(page.getByText('Nothing to do today'))).toBeVisible({ timeout: 60_000 });
  // Weeks later the demo's list is long and scrolls (only the entries in view are in the page): the
  // controller searches for the debtor, as with any long list.
  if (await page.getByTestId('worklist-count').isVisible()) await page.getByLabel('Search').fill(name);
  const rows = page.getByTestId('worklist').getByRole('row').filter({ hasText: name });
  const count = await rows.count();
  if (count === 0) return [];
  const done = await rows.locator('td.wrap').allTextContents();
  for (let index = 0; index < count; index += 1) await rows.nth(index).getByRole('checkbox').check();
  await page.getByRole('button', { name: `Process ${count} selected` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toBeVisible();
  await new LimitsPage(page, 'en').expectSyncStatus('idle');
  return done;
}

/**
 * The formal notice, in its debtor's language, names the statute its interest comes from. One long journey
 * runs here (the Dutch one, about three minutes): the Swedish and British debtors walk the same ladder to the
 * settlement in tests/integration/dunning-journey.test.ts, and their letters' statutes are read back from the
 * PDF in renderer/src/letters/letter-pdf.test.ts — variants at the unit level keep CI's e2e phase short.
 */
const JOURNEYS = [['NL', 'A Dutch', 'wettelijke handelsrente verschuldigd (artikel 6:119a BW)']] as const;

for (const [jurisdiction, who, statute] of JOURNEYS) {
test(`${who} debtor from first reminder to the insurer’s payout, the controller opening Kredo once a week`, async ({ kredo }) => {
  test.setTimeout(600_000);
  const name = debtorJustOverdue(jurisdiction);
  let app = kredo;
  let today: IsoDate = E2E_TODAY;
  const done: string[] = [];
  for (let offset = 0; offset <= 105 && !done.some((task) => task.startsWith('Hand over to collection')); offset += 7) {
    if (offset > 0) {
      today = addDays(E2E_TODAY, offset);
      app = await app.restart({ today });
    }
    done.push(...(await workTheList(app, name)));
  }
  const first = (text: string) => done.findIndex((task) => task.startsWith(text));
  expect(first('Send the first reminder')).toBeGreaterThanOrEqual(0);
  expect(first('Send the first reminder')).toBeLessThan(first('Call the debtor'));
  expect(first('Call the debtor')).toBeLessThan(first('Send the second reminder'));
  expect(first('Send the second reminder')).toBeLessThan(first('Send the formal notice'));
  expect(first('Send the formal notice')).toBeLessThan(first('Hand over to collection'));
  expect(first('Notify the insurer of the overdue invoices')).toBeGreaterThanOrEqual(0);

  // The debtor's page: the three letters as sent, the insurer's answer and the handover.
  const { page } = app;
  await new AppShellPage(page, 'en').open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(name);
  const letters = page.getByTestId('debtor-letters');
  for (const step of ['First reminder', 'Second reminder', 'Formal notice']) await expect(letters.getByRole('row').filter({ hasText: step }).first()).toBeVisible();
  const notice = path.join(app.userDataDir, `${jurisdiction}-formal-notice.pdf`);
  app.answerFileDialogs({ saveTo: notice });
  await letters.getByRole('row').filter({ hasText: 'Formal notice' }).first().getByRole('button', { name: 'Save PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: notice })).toBeVisible();
  expect(await pdfText(notice)).toContain(statute);
  const cases = page.getByTestId('insurer-cases');
  // Newest first: the first notification (invoices falling due later may bring a second) was answered.
  await expect(cases.getByRole('row').filter({ hasText: 'Overdue notification' }).last()).toContainText('Answered · limit kept');
  await expect(cases.getByRole('row').filter({ hasText: 'Collection handover' })).toBeVisible();

  // The claim; seven months later the insurer has paid 90 % of the loss after the deductible.
  await page.getByRole('button', { name: 'File a claim' }).click();
  await expect(cases.getByRole('row').filter({ hasText: 'Claim' })).toContainText('Claim received', { timeout: 60_000 });
  app = await app.restart({ today: addDays(today, 220) });
  await new LimitsPage(app.page, 'en').expectSyncStatus('idle');
  await new LimitsPage(app.page, 'en').openDebtor(name);
  await expect(app.page.getByTestId('insurer-cases').getByRole('row').filter({ hasText: 'Claim' })).toContainText(/Paid · .* paid: 90% of .* after a €500\.00 deductible/);
  await saveScreenshot(app.page, `debtor-claim-paid-${jurisdiction}-en`);
});
}
