import { buyerWithCover, POLICY, startTestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';

/**
 * Insurer data that does not fit the schema (issue 15, item 3), seen by the controller: an insurer's API (the
 * sandbox as a separate server) sends one buyer's cover with a malformed amount; the sync goes on with the
 * rest, and the Insurer sync screen lists the cover, its debtor and what is wrong with it, in Dutch.
 */
test.use({ systemLocales: ['nl-NL'], start: 'demo' });

test('a cover the insurer sends in a form Kredo cannot read is listed on the Insurer sync screen with the reason', async ({ kredo }) => {
  const insurer = await startTestSandbox();
  try {
    const buyer = buyerWithCover((grade) => grade <= 6);
    await insurer.admin('POST', '/faults', { malformedCoverBuyers: [buyer.companyId] });
    const { page } = kredo;
    const nl = texts('nl');
    const shell = new AppShellPage(page, 'nl');
    await shell.open('settings');
    const section = page.getByRole('region', { name: nl.settings.insurer.title, exact: true });
    await section.getByLabel(nl.settings.insurer.api).check();
    await section.getByLabel(nl.settings.insurer.baseUrl).fill(`${insurer.server.url}/v1`);
    await section.getByLabel(nl.settings.insurer.policyId, { exact: true }).fill(POLICY);
    await section.getByLabel(nl.settings.insurer.apiKey, { exact: true }).fill(insurer.server.apiKey);
    await section.getByRole('button', { name: nl.settings.insurer.save }).click();
    await expect(section.getByRole('status')).toHaveText(nl.settings.insurer.saved);

    await shell.open('sync');
    await page.getByRole('button', { name: nl.sync.indicator.syncNow }).click();
    const quarantine = page.getByRole('region', { name: fill(nl.sync.quarantine.title_one, { count: 1 }) });
    const row = quarantine.getByRole('row').filter({ hasText: fill(nl.sync.quarantine.cover, { id: `CV-${buyer.debtorId}` }) });
    await expect(row).toContainText(buyer.legalName, { timeout: 60_000 });
    await expect(row).toContainText(nl.sync.quarantine.source.resync);
    await expect(row).toContainText(fill(nl.sync.quarantine.issue.malformed, { field: 'decidedAmount' }));
    // The rest of the sync went on: the screen says when it last synced.
    await expect(page.getByTestId('sync-facts')).not.toContainText(nl.sync.screen.never);
    await saveScreenshot(page, 'sync-quarantine-nl');
  } finally {
    await insurer.stop();
  }
});
