import { POLICY, startTestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { expect, saveScreenshot, test } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { PortfolioPage } from './page-models/portfolio-page';

/**
 * Settings › Insurer with an insurer speaking Atradius's dialect (issue 18): the sandbox on its own port, as
 * `npm run sandbox -- --dialect atradius` runs it. The form asks for exactly Atradius's secrets (app key,
 * client ID, client secret) and the customer ID, says what Atradius's API lacks, and saves nothing until
 * they sign in; the policy terms are then read through Atradius's routes. A debtor's insurer cases then say to
 * use Atradius's portal instead of offering notifications the API cannot take.
 */
test.use({ systemLocales: ['nl-NL'], start: 'demo' });

test('connects to an insurer in Atradius’s dialect with its three secrets', async ({ kredo }) => {
  const insurer = await startTestSandbox();
  try {
    const { page } = kredo;
    const nl = texts('nl').settings.insurer;
    const { appKey, clientId, clientSecret, customerId } = insurer.server.atradius;
    await new AppShellPage(page, 'nl').open('settings');
    const section = page.getByRole('region', { name: nl.title, exact: true });

    await section.getByLabel(nl.api).check();
    await section.getByLabel(nl.dialects.atradius).check();
    await expect(section.getByText(nl.dialectLacks.atradius)).toBeVisible();
    // Exactly Atradius's secrets: no API key field.
    await expect(section.getByLabel(nl.apiKey, { exact: true })).toHaveCount(0);
    await section.getByLabel(nl.baseUrl).fill(insurer.server.url);
    await section.getByLabel(nl.policyId, { exact: true }).fill(POLICY);
    await section.getByLabel(nl.customerId).fill(customerId);
    await section.getByLabel(nl.secrets.appKey).fill(appKey);
    await section.getByLabel(nl.secrets.clientId).fill(clientId);

    // A wrong client secret signs in nowhere, and nothing is saved.
    await section.getByLabel(nl.secrets.clientSecret).fill('not-the-secret');
    await section.getByRole('button', { name: nl.save }).click();
    await expect(section.getByRole('alert')).toBeVisible();
    expect(kredo.host.services.settings.get().insurer).toEqual({ mode: 'sandbox' });

    await section.getByLabel(nl.secrets.clientSecret).fill(clientSecret);
    await section.getByRole('button', { name: nl.save }).click();
    await expect(section.getByRole('status')).toHaveText(nl.saved);
    expect(kredo.host.services.settings.get().insurer).toEqual({ mode: 'insurer', dialect: 'atradius', baseUrl: insurer.server.url, policyId: POLICY, customerId });
    // The secrets are stored (masked placeholders), never shown; the policy terms came through Atradius's routes.
    await expect(section.getByLabel(nl.secrets.clientSecret)).toHaveAttribute('placeholder', nl.apiKeyStored);
    await expect(section.getByText(nl.terms.insuredPercentage)).toBeVisible();
    await saveScreenshot(page, 'settings-insurer-atradius-nl');

    // Atradius's API takes no overdue notifications or claims: the debtor page says where they go instead.
    const losses = texts('nl').sync.losses;
    await new AppShellPage(page, 'nl').open('portfolio');
    await new PortfolioPage(page, 'nl').rows.first().getByRole('button').first().click();
    const cases = page.getByRole('region', { name: losses.title, exact: true });
    await expect(cases.getByText(losses.portalOnly)).toBeVisible();
    await expect(cases.getByRole('button', { name: losses.action.overdue })).toHaveCount(0);
  } finally {
    await insurer.stop();
  }
});
