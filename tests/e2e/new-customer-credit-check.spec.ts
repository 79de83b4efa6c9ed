import { POLICY, seededState, startTestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { seedSandboxState } from '../../electron/sandbox/seed-sandbox';
import { E2E_TODAY, expect, saveScreenshot, test } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';
import { WelcomePage } from './page-models/welcome-page';

/**
 * The credit check before trading (issue 18 item 3), in Dutch, against an insurer speaking Atradius's dialect:
 * a KvK number with a wrong length is refused with the reason; the right number shows the insurer's name and
 * rating and — the company being on the demo's books already — Kredo's own payment experience, so a second
 * debtor is only added once confirmed; the limit requested with it is decided at the sync that follows.
 */
test.use({ systemLocales: ['nl-NL'] });

test('a new customer is checked with the insurer, added, and its limit requested and decided', async ({ kredo }) => {
  const insurer = await startTestSandbox();
  try {
    const { page } = kredo;
    const nl = texts('nl');
    const form = nl.settings.insurer;
    const { appKey, clientId, clientSecret, customerId } = insurer.server.atradius;
    const state = seededState();
    const busy = new Set([...state.covers.map((cover) => cover.companyId), ...state.requests.map((request) => request.companyId)]);
    const buyer = state.companies.find((company) => !busy.has(company.companyId) && company.grade <= 4 && company.identifiers.some((identifier) => identifier.type === 'NL_KVK'))!;
    const kvk = buyer.identifiers.find((identifier) => identifier.type === 'NL_KVK')!.value;

    await new WelcomePage(page, 'nl').openDemoPortfolio();
    await new AppShellPage(page, 'nl').open('settings');
    const section = page.getByRole('region', { name: form.title, exact: true });
    await section.getByLabel(form.api).check();
    await section.getByLabel(form.dialects.atradius).check();
    await section.getByLabel(form.baseUrl).fill(insurer.server.url);
    await section.getByLabel(form.policyId, { exact: true }).fill(POLICY);
    await section.getByLabel(form.customerId).fill(customerId);
    await section.getByLabel(form.secrets.appKey).fill(appKey);
    await section.getByLabel(form.secrets.clientId).fill(clientId);
    await section.getByLabel(form.secrets.clientSecret).fill(clientSecret);
    await section.getByRole('button', { name: form.save }).click();
    await expect(section.getByRole('status')).toHaveText(form.saved);

    const text = nl.portfolio.newCustomer;
    await new AppShellPage(page, 'nl').open('portfolio');
    // Keyboard reachable: the button takes focus and opens the check with Enter.
    const open = page.getByRole('button', { name: text.open });
    await open.focus();
    await page.keyboard.press('Enter');
    const check = page.getByRole('region', { name: text.title });
    await check.getByLabel(text.scheme).selectOption('NL_KVK');
    await check.getByLabel(text.number, { exact: true }).fill(kvk.slice(0, 7));
    await check.getByRole('button', { name: text.check }).click();
    await expect(check.getByRole('alert')).toContainText('8 cijfers');

    await check.getByLabel(text.number, { exact: true }).fill(`${kvk.slice(0, 4)} ${kvk.slice(4)}`);
    await check.getByRole('button', { name: text.check }).click();
    const found = check.getByTestId('insurer-buyer');
    await expect(found).toContainText(buyer.legalName);
    await expect(found).toContainText(`${buyer.grade} van 10`);
    await expect(found).toContainText(text.noCover);
    // Already on the demo's books under its own customer number: shown, and a second debtor needs confirming.
    await expect(check.getByTestId('known-debtors')).toContainText(buyer.legalName);
    const add = check.getByRole('button', { name: text.create });
    await check.getByLabel(text.customerCode).fill('NIEUW-001');
    await check.getByLabel(text.limit.replace(' ({{currency}}, optioneel)', ''), { exact: false }).fill('10.000');
    await expect(add).toBeDisabled();
    await check.getByLabel(text.confirmSecond).check();
    await add.click();
    await expect(check.getByRole('status').last()).toContainText('Debiteur toegevoegd en een kredietlimiet van');
    await saveScreenshot(page, 'new-customer-credit-check-nl');

    // The request went out at the sync it started: Atradius decided it (201), and the new debtor has its limit.
    await check.getByRole('button', { name: text.openCreated }).click();
    const limits = page.getByRole('region', { name: nl.debtor.limits.title, exact: true });
    await expect(limits.getByRole('heading', { name: `${nl.debtor.limits.source.insurer} · ${nl.limits.state.APPROVED}` })).toBeVisible({ timeout: 30_000 });
  } finally {
    await insurer.stop();
  }
});

test('offline, the check says the insurer cannot be reached, and the debtor is added with its request waiting for the next sync', async ({ kredo }) => {
  const { page } = kredo;
  const nl = texts('nl');
  const text = nl.portfolio.newCustomer;
  // The built-in sandbox insurer, seeded for the app's day: a well-graded demo company with no cover or request.
  const state = seedSandboxState({ now: new Date(`${E2E_TODAY}T12:00:00Z`) });
  const busy = new Set([...state.covers.map((cover) => cover.companyId), ...state.requests.map((request) => request.companyId)]);
  const buyer = state.companies.find((company) => !busy.has(company.companyId) && company.grade <= 4 && company.identifiers.some((identifier) => identifier.type === 'SE_ORGNR'))!;
  const orgnr = buyer.identifiers.find((identifier) => identifier.type === 'SE_ORGNR')!.value;
  await new WelcomePage(page, 'nl').openDemoPortfolio();
  await page.context().setOffline(true);

  await page.getByRole('button', { name: text.open }).click();
  const check = page.getByRole('region', { name: text.title });
  await check.getByLabel(text.scheme).selectOption('SE_ORGNR');
  // A wrong Luhn digit is refused with that reason.
  await check.getByLabel(text.number, { exact: true }).fill(`${orgnr.slice(0, -1)}${(Number(orgnr.at(-1)) + 1) % 10}`);
  await check.getByRole('button', { name: text.check }).click();
  await expect(check.getByRole('alert')).toContainText('controlecijfer');

  await check.getByLabel(text.number, { exact: true }).fill(orgnr.replace('-', ''));
  await check.getByRole('button', { name: text.check }).click();
  await expect(check.getByText(text.unreachable)).toBeVisible();
  await expect(check.getByTestId('known-debtors')).toContainText(buyer.legalName);
  // Without the insurer, the name comes from the debtor Kredo already knows.
  await expect(check.getByLabel(text.name, { exact: true })).toHaveValue(buyer.legalName);
  await check.getByLabel(text.customerCode).fill('NIEUW-002');
  await check.getByLabel(text.limit.replace(' ({{currency}}, optioneel)', ''), { exact: false }).fill('10.000');
  await check.getByLabel(text.confirmSecond).check();
  await check.getByRole('button', { name: text.create }).click();
  await expect(check.getByRole('status').last()).toContainText('Debiteur toegevoegd en een kredietlimiet van');

  // Back online: the waiting request goes out and the insurer decides it.
  await page.context().setOffline(false);
  await check.getByRole('button', { name: text.openCreated }).click();
  const limits = page.getByRole('region', { name: nl.debtor.limits.title, exact: true });
  await expect(limits.getByRole('heading', { name: `${nl.debtor.limits.source.insurer} · ${nl.limits.state.APPROVED}` })).toBeVisible({ timeout: 30_000 });
});
