import { POLICY, seededState, startTestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { seedSandboxState } from '../../electron/sandbox/seed-sandbox';
import { isProspect } from '../../electron/sandbox/seed-prospects';
import { E2E_TODAY, expect, saveScreenshot, test } from './fixtures';
import { texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';

/**
 * The credit check before trading (issue 18 item 3), in Dutch, against an insurer speaking Atradius's dialect
 * (connected in Settings with its three secrets): a KvK number with a wrong length is refused with the reason; the
 * number of a company the insurer knows but Kredo does not (a prospect of the sandbox) shows its name, address and
 * rating; Atradius's credit check is answered at once with the policy's amount; the debtor is added and the limit
 * requested above the credit check is decided at the sync that follows. Offline, a company already on the demo's
 * books shows Kredo's own payment experience, and a second debtor is added only once confirmed.
 */
test.use({ systemLocales: ['nl-NL'], start: 'demo' });

test('a new customer is checked with the insurer, added, and its limit requested and decided', async ({ kredo }) => {
  const insurer = await startTestSandbox();
  try {
    const { page } = kredo;
    const nl = texts('nl');
    const form = nl.settings.insurer;
    const { appKey, clientId, clientSecret, customerId } = insurer.server.atradius;
    // A Dutch company the insurer knows and grades well, which is no debtor of the demo.
    const buyer = seededState().companies.find((company) => isProspect(company) && company.country === 'NL' && company.grade <= 4)!;
    const kvk = buyer.identifiers.find((identifier) => identifier.type === 'NL_KVK')!.value;

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
    await expect(found).toContainText(`${buyer.address.postalCode} ${buyer.address.city}`);
    await expect(found).toContainText(text.noCover);
    // Not on the demo's books: nothing to confirm.
    await expect(check.getByText(text.notKnown)).toBeVisible();

    // Atradius's credit check (no grade-only request in its dialect): the policy's amount, answered at once.
    await expect(check.getByRole('button', { name: text.requests.GRADE_ONLY })).toHaveCount(0);
    await check.getByRole('button', { name: text.requests.CREDIT_CHECK }).click();
    await expect(check.getByTestId('check-answer')).toHaveText('Kredietwaardigheidscheck goedgekeurd: € 7.000,00 gedekt.');
    await expect(found).toContainText('€ 7.000,00');

    await check.getByLabel(text.customerCode).fill('NIEUW-001');
    await check.getByLabel(text.limit.replace(' ({{currency}}, optioneel)', ''), { exact: false }).fill('10.000');
    await check.getByRole('button', { name: text.create }).click();
    await expect(check.getByRole('status').last()).toContainText('Debiteur toegevoegd en een kredietlimiet van € 10.000,00');
    await saveScreenshot(page, 'new-customer-credit-check-nl');

    // The request went out at the sync it started as a raise of the credit check (Atradius's supersede), decided
    // at once (201): the new debtor has the limit asked for.
    await check.getByRole('button', { name: text.openCreated }).click();
    const limits = page.getByRole('region', { name: nl.debtor.limits.title, exact: true });
    await expect(limits.getByRole('heading', { name: `${nl.debtor.limits.source.insurer} · ${nl.limits.state.APPROVED}` })).toBeVisible({ timeout: 30_000 });
    await expect(limits).toContainText('€ 10.000,00', { timeout: 30_000 });
    const covers = await insurer.call('GET', `/v1/policies/${POLICY}/covers?companyId=${buyer.companyId}`, { token: await insurer.signIn() });
    expect(covers.body.items).toEqual([expect.objectContaining({ status: 'APPROVED', decidedAmount: '10000.00', coverType: 'CREDIT_LIMIT', customerReference: 'NIEUW-001' })]);
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

test('in Allianz Trade’s dialect a prospect is found without address or grade, and the grade-only request gives its grade', async ({ kredo }) => {
  const insurer = await startTestSandbox();
  try {
    const { page } = kredo;
    const nl = texts('nl');
    const form = nl.settings.insurer;
    const text = nl.portfolio.newCustomer;
    const { apiKey, businessUnitCode } = insurer.server.allianz;
    // A British company the insurer knows, which is no debtor of the demo.
    const buyer = seededState().companies.find((company) => isProspect(company) && company.country === 'GB' && company.grade <= 4)!;
    const crn = buyer.identifiers.find((identifier) => identifier.type === 'GB_CRN')!.value;

    await new AppShellPage(page, 'nl').open('settings');
    const section = page.getByRole('region', { name: form.title, exact: true });
    await section.getByLabel(form.api).check();
    await section.getByLabel(form.dialects.allianz).check();
    await section.getByLabel(form.baseUrl).fill(insurer.server.url);
    await section.getByLabel(form.policyId, { exact: true }).fill(POLICY);
    await section.getByLabel(form.businessUnitCode).fill(businessUnitCode);
    await section.getByLabel(form.apiKey, { exact: true }).fill(apiKey);
    await section.getByRole('button', { name: form.save }).click();
    await expect(section.getByRole('status')).toHaveText(form.saved);

    await new AppShellPage(page, 'nl').open('portfolio');
    await page.getByRole('button', { name: text.open }).click();
    const check = page.getByRole('region', { name: text.title });
    await check.getByLabel(text.scheme).selectOption('GB_CRN');
    await check.getByLabel(text.number, { exact: true }).fill(crn);
    await check.getByRole('button', { name: text.check }).click();
    const found = check.getByTestId('insurer-buyer');
    await expect(found).toContainText(buyer.legalName);
    // Allianz's company matching gives neither address nor grade: no empty address line, the grade "not given".
    await expect(found.getByText(text.address, { exact: true })).toHaveCount(0);
    await expect(found).toContainText(text.gradeUnknown);

    // Allianz takes a grade-only request (no credit check): the grade arrives and shows in the check.
    await expect(check.getByRole('button', { name: text.requests.CREDIT_CHECK })).toHaveCount(0);
    await check.getByRole('button', { name: text.requests.GRADE_ONLY }).click();
    await expect(check.getByTestId('check-answer')).toHaveText(`De verzekeraar geeft dit bedrijf rating ${buyer.grade} van 10 (1 is het best).`);
    await expect(found).toContainText(`${buyer.grade} van 10`);
    await expect(found).toContainText(text.noCover);
  } finally {
    await insurer.stop();
  }
});
