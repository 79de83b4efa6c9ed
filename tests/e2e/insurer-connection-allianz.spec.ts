import { POLICY, startTestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { expect, saveScreenshot, test } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { PortfolioPage } from './page-models/portfolio-page';

/**
 * Settings › Insurer with an insurer speaking Allianz Trade's dialect (issue 18), in Swedish: the sandbox on its
 * own port, as `npm run sandbox -- --dialect allianz` runs it. The form asks for exactly Allianz Trade's secret
 * (one API key) and its business unit, says what Allianz Trade's API lacks, and saves nothing until the key buys
 * a bearer token; the policy terms are then read through Allianz's routes. A debtor's insurer cases then offer
 * the overdue notification Allianz's Payment Overdues take, and send collections and claims to its portal.
 */
test.use({ systemLocales: ['sv-SE'], start: 'demo' });

test('connects to an insurer in Allianz Trade’s dialect with its API key and business unit', async ({ kredo }) => {
  const insurer = await startTestSandbox();
  try {
    const { page } = kredo;
    const sv = texts('sv').settings.insurer;
    const { apiKey, businessUnitCode } = insurer.server.allianz;
    await new AppShellPage(page, 'sv').open('settings');
    const section = page.getByRole('region', { name: sv.title, exact: true });

    await section.getByLabel(sv.api).check();
    await section.getByLabel(sv.dialects.allianz).check();
    await expect(section.getByText(sv.dialectLacks.allianz)).toBeVisible();
    // Exactly Allianz Trade's secret: one API key, none of Atradius's three, and the business unit beside the policy.
    await expect(section.getByLabel(sv.secrets.appKey)).toHaveCount(0);
    await expect(section.getByLabel(sv.customerId)).toHaveCount(0);
    await section.getByLabel(sv.baseUrl).fill(insurer.server.url);
    await section.getByLabel(sv.policyId, { exact: true }).fill(POLICY);
    await section.getByLabel(sv.businessUnitCode).fill(businessUnitCode);

    // A wrong API key buys no token, and nothing is saved.
    await section.getByLabel(sv.apiKey, { exact: true }).fill('not-the-api-key');
    await section.getByRole('button', { name: sv.save }).click();
    await expect(section.getByRole('alert')).toBeVisible();
    expect(kredo.host.services.settings.get().insurer).toEqual({ mode: 'sandbox' });

    await section.getByLabel(sv.apiKey, { exact: true }).fill(apiKey);
    await section.getByRole('button', { name: sv.save }).click();
    await expect(section.getByRole('status')).toHaveText(sv.saved);
    expect(kredo.host.services.settings.get().insurer).toEqual({ mode: 'insurer', dialect: 'allianz', baseUrl: insurer.server.url, policyId: POLICY, businessUnitCode });
    // The key is stored (masked placeholder), never shown; the policy terms came through Allianz's routes.
    await expect(section.getByLabel(sv.apiKey, { exact: true })).toHaveAttribute('placeholder', sv.apiKeyStored);
    await expect(section.getByText(sv.terms.insuredPercentage)).toBeVisible();
    await saveScreenshot(page, 'settings-insurer-allianz-sv');

    // Allianz's API takes overdue notifications, not collection handovers or claims: the debtor page offers only those.
    const losses = texts('sv').sync.losses;
    await new AppShellPage(page, 'sv').open('portfolio');
    await new PortfolioPage(page, 'sv').rows.first().getByRole('button').first().click();
    const cases = page.getByRole('region', { name: losses.title, exact: true });
    await expect(cases.getByText(losses.portalPartly)).toBeVisible();
    await expect(cases.getByRole('button', { name: losses.action.overdue })).toBeVisible();
    await expect(cases.getByRole('button', { name: losses.action.claim })).toHaveCount(0);
  } finally {
    await insurer.stop();
  }
});
