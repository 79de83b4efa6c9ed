import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { seedSandboxState } from '../../electron/sandbox/seed-sandbox';
import { E2E_TODAY, expect, saveScreenshot, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';
import { fill, texts } from './locale-texts';

test.use({ start: 'demo' });

/**
 * The insurer sync end to end, with the real main process and its built-in sandbox insurer: a limit is
 * requested while offline, sent when the network returns, decided by the underwriter, then reduced by the
 * insurer, and all of it survives a restart with the request sent exactly once.
 */
const sandboxSeed = () => seedSandboxState({ now: new Date(`${E2E_TODAY}T12:00:00Z`) });

/** A demo debtor the sandbox knows, of grade 3–4, with no cover and no open request: €400,000 goes to an underwriter. */
function uninsuredGoodBuyer() {
  const state = sandboxSeed();
  const busy = new Set([...state.covers.map((cover) => cover.companyId), ...state.requests.map((request) => request.companyId)]);
  const buyer = state.companies.find((company) => !busy.has(company.companyId) && (company.grade === 3 || company.grade === 4) && company.identifiers.length > 0);
  if (!buyer) throw new Error('The demo has no uninsured buyer of grade 3–4');
  return buyer;
}

test('a limit requested offline is sent when back online, decided, then reduced by the insurer', async ({ kredo }) => {
  const buyer = uninsuredGoodBuyer();
  const { page } = kredo;
  const limits = new LimitsPage(page, 'en');
  await limits.expectSyncStatus('idle');
  await expect(limits.syncStatus).toContainText('Insurer: synced');

  await page.context().setOffline(true);
  await limits.expectSyncStatus('offline');
  await limits.openDebtor(buyer.legalName);
  await limits.requestLimit('400000');
  await expect(limits.requestPanel.getByRole('status')).toContainText('Request saved');
  await expect(limits.openRequest).toHaveText('New limit €400,000.00 is waiting to be sent to the insurer.');

  await page.context().setOffline(false);
  // Above the automatic appetite for its grade: the insurer refers it to an underwriter (202).
  await expect(limits.openRequest).toContainText("is with the insurer's underwriter");
  await limits.expectSyncStatus('idle');

  await limits.sandboxButton('decideNow').click();
  await expect(limits.openRequest).toBeHidden();
  await expect(page.getByRole('region', { name: 'Credit limit and decisions' }).getByRole('heading', { name: 'Insurer limit · Approved' })).toBeVisible();
  // The underwriter's day also decides the demo's other referred requests: each is a change to be told about.
  await expect(limits.toast).toContainText(/The insurer changed \d+ limits?\./);

  await limits.sandboxButton('announceReduction').click();
  // The sandbox halves the cover with 30 days' notice (insurer-apis.md §2.3: Atradius gives 30 days).
  await expect(page.getByTestId('pending-change')).toContainText('€200,000.00');
  await saveScreenshot(page, 'debtor-limit-request-en');

  await limits.toast.getByRole('button', { name: 'Show' }).click();
  const shell = new AppShellPage(page, 'en');
  await expect(shell.heading).toHaveText(shell.titleOf('limits'));
  await expect(limits.requests.getByRole('row').filter({ hasText: buyer.legalName })).toContainText('Decided: approved, €400,000.00');
  await expect(limits.reductions.getByRole('row').filter({ hasText: buyer.legalName })).toContainText('€200,000.00');
  await expect(limits.changes.getByRole('listitem').filter({ hasText: buyer.legalName })).toHaveCount(2);
  await saveScreenshot(page, 'limits-screen-en');

  // A restart: the request, its decision and the notifications are all still there, and the insurer holds one request.
  const restarted = await kredo.restart();
  const again = new LimitsPage(restarted.page, 'en');
  await new AppShellPage(restarted.page, 'en').open('limits');
  await again.expectSyncStatus('idle');
  await expect(again.requests.getByRole('row').filter({ hasText: buyer.legalName })).toContainText('Decided: approved');
  await expect(again.changes.getByRole('listitem').filter({ hasText: buyer.legalName })).toHaveCount(2);
  const server = JSON.parse(await readFile(path.join(kredo.userDataDir, 'insurer-sandbox', 'state.json'), 'utf8')) as { requests: { companyId: string }[] };
  expect(server.requests.filter((request) => request.companyId === buyer.companyId)).toHaveLength(1);
});

test('the Insurer sync screen lists each sync with what it changed, and the outbox with where each request stands, in Dutch too', async ({ kredo }) => {
  const buyer = uninsuredGoodBuyer();
  const { page } = kredo;
  const en = texts('en').sync;
  const limits = new LimitsPage(page, 'en');
  await limits.expectFirstSyncDone();
  const shell = new AppShellPage(page, 'en');
  const history = page.getByTestId('sync-history');
  const outboxRow = page.getByTestId('insurer-outbox').getByRole('row').filter({ hasText: buyer.legalName });

  // Offline, the request waits in the outbox: queued, not yet sent.
  await page.context().setOffline(true);
  await limits.expectSyncStatus('offline');
  await limits.openDebtor(buyer.legalName);
  await limits.requestLimit('400000');
  await shell.open('sync');
  await expect(history.getByRole('option').first()).toContainText(en.history.kind.full);
  await expect(outboxRow).toContainText(en.outbox.queued);
  await expect(outboxRow).toContainText(en.outbox.notYet);

  // Back online: sent and referred to an underwriter; the newest sync counts it.
  await page.context().setOffline(false);
  await expect(outboxRow).toContainText(en.outbox.referred);
  await expect(history.getByRole('option').first()).toContainText(fill(en.history.sent_one, { count: 1 }));
  await expect(history.getByRole('option').first()).toContainText(en.history.kind.incremental);

  // The underwriter decides: the next sync's changes list the debtor, from no insurer limit to €400,000.00, approved.
  await shell.open('portfolio');
  await limits.openDebtor(buyer.legalName);
  await limits.sandboxButton('decideNow').click();
  await expect(limits.openRequest).toBeHidden();
  await shell.open('sync');
  await expect(outboxRow).toContainText('Decided: approved, €400,000.00');
  await expect(outboxRow.getByRole('cell').nth(4)).not.toHaveText(en.outbox.notYet);
  // The newest sync that changed limits (a periodic one may have come after it, changing none).
  const decidedRun = history.getByRole('option').filter({ hasNotText: fill(en.history.changed_other, { count: 0 }) }).first();
  await decidedRun.click();
  await expect(decidedRun).toHaveAttribute('aria-selected', 'true');
  await expect(decidedRun).toContainText(en.history.ok);
  const change = page.getByTestId('sync-run-changes').getByRole('row').filter({ hasText: buyer.legalName });
  await expect(change).toContainText(texts('en').limits.changes.new);
  await expect(change).toContainText('€400,000.00');
  await expect(change).toContainText(texts('en').limits.state.APPROVED);
  await saveScreenshot(page, 'sync-history-en');

  // The list is one tab stop: ↓ chooses the sync before, and its own changes show.
  await page.keyboard.press('Home');
  await expect(history.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(history.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(history).toBeFocused();
  await expect(history).toHaveAttribute('aria-activedescendant', (await history.getByRole('option').nth(1).getAttribute('id'))!);

  // In Dutch the same screen speaks Dutch.
  await shell.languageSelect.selectOption('nl');
  const nl = texts('nl').sync;
  await expect(page.getByRole('heading', { name: nl.history.title, exact: true })).toBeVisible();
  await expect(outboxRow).toContainText(texts('nl').limits.requests.decidedShort);
  await saveScreenshot(page, 'sync-history-nl');
});

test('an insurer in maintenance: the top bar and the Insurer sync screen say until when it asked Kredo to wait, in Swedish too, and the request goes after', async ({ kredo }) => {
  const buyer = uninsuredGoodBuyer();
  const { page } = kredo;
  const limits = new LimitsPage(page, 'en');
  await limits.expectSyncStatus('idle');
  await limits.openDebtor(buyer.legalName);

  // Two hours of maintenance: the insurer answers 503 with a Retry-After of two hours, far beyond the 30 s
  // the client waits in a call, so Kredo says when it will try again rather than "offline".
  await limits.sandboxButton('maintenance').click();
  await limits.expectSyncStatus('offline');
  const waitUntil = (language: 'en' | 'sv') => texts(language).sync.indicator.comeBack.split('{{time}}')[0]!;
  await expect(limits.syncStatus).toContainText(waitUntil('en'));
  await limits.requestLimit('20000');
  await expect(limits.openRequest).toContainText('is waiting to be sent to the insurer');
  await expect(limits.syncStatus).toContainText(waitUntil('en'));

  const shell = new AppShellPage(page, 'en');
  await shell.open('sync');
  await expect(page.getByTestId('sync-facts')).toContainText(texts('en').sync.screen.comeBackAt);
  await expect(page.getByTestId('insurer-retry-at')).not.toBeEmpty();
  await shell.languageSelect.selectOption('sv');
  await expect(limits.syncStatus).toContainText(waitUntil('sv'));
  await expect(page.getByTestId('sync-facts')).toContainText(texts('sv').sync.screen.comeBackAt);
  await saveScreenshot(page, 'insurer-maintenance-sv');
  await new AppShellPage(page, 'sv').languageSelect.selectOption('en');

  // A day later on the insurer's clock the maintenance is over: the request goes, once.
  await shell.open('portfolio');
  await limits.openDebtor(buyer.legalName);
  await limits.sandboxButton('decideNow').click();
  await expect(limits.openRequest).toBeHidden();
  await limits.expectSyncStatus('idle');
  const server = JSON.parse(await readFile(path.join(kredo.userDataDir, 'insurer-sandbox', 'state.json'), 'utf8')) as { requests: { companyId: string }[] };
  expect(server.requests.filter((request) => request.companyId === buyer.companyId)).toHaveLength(1);
});

test('Settings shows the policy terms the insurer holds, in Swedish, and refuses an insurer URL with a wrong key', async ({ kredo }) => {
  const shell = new AppShellPage(kredo.page, 'en');
  await shell.languageSelect.selectOption('sv');
  const swedish = new AppShellPage(kredo.page, 'sv');
  await swedish.open('settings');
  const terms = kredo.page.getByTestId('policy-terms');
  await expect(terms).toContainText('Kredo Sandbox Insurance');
  await expect(terms).toContainText('90 %');
  await expect(terms).toContainText('25 000,00 €');

  await kredo.page.getByLabel('Mitt försäkringsbolags API').check();
  await kredo.page.getByLabel('API-adress (till och med versionen)').fill('http://127.0.0.1:9/v1');
  await kredo.page.getByLabel('Försäkring', { exact: true }).fill('sandbox-1001');
  await kredo.page.getByLabel('API-nyckel').fill('ks_not_a_real_key');
  await kredo.page.getByRole('button', { name: 'Testa och spara' }).click();
  await expect(kredo.page.getByRole('alert')).toContainText('Försäkringsbolaget går inte att nå just nu.');
  // Nothing changed: the app still syncs with the sandbox.
  expect((await kredo.host.services.settings.get()).insurer).toEqual({ mode: 'sandbox' });
});
