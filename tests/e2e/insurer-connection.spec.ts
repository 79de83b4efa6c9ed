import { POLICY, startTestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { expect, saveScreenshot, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { AppShellPage } from './page-models/app-shell-page';

/**
 * Settings › Insurer with an insurer's API running as a separate server (issue 15, item 2): the API key is
 * bound to the origin it was entered for, so pointing the address at another origin asks for the key again,
 * says why, and sends nothing; the main process refuses such a change even when the page skips the form.
 */
test.use({ systemLocales: ['sv-SE'], start: 'demo' });

test('a new insurer address needs the API key again, and the stored key is sent nowhere else', async ({ kredo }) => {
  const insurer = await startTestSandbox();
  try {
    const { page } = kredo;
    const sv = texts('sv').settings.insurer;
    await new AppShellPage(page, 'sv').open('settings');
    const section = page.getByRole('region', { name: sv.title, exact: true });
    const address = section.getByLabel(sv.baseUrl);
    const key = section.getByLabel(sv.apiKey, { exact: true });
    const saved = { mode: 'insurer', baseUrl: `${insurer.server.url}/v1`, policyId: POLICY };

    await section.getByLabel(sv.api).check();
    await address.fill(saved.baseUrl);
    await section.getByLabel(sv.policyId, { exact: true }).fill(POLICY);
    await expect(key).toHaveJSProperty('required', true);
    await key.fill(insurer.server.apiKey);
    await section.getByRole('button', { name: sv.save }).click();
    await expect(section.getByRole('status')).toHaveText(sv.saved);
    await expect(key).toHaveAttribute('placeholder', sv.apiKeyStored);
    await expect(key).toHaveJSProperty('required', false);

    // Another port is another origin: the key is asked for again, and the form says where the stored one goes.
    await address.fill('http://127.0.0.1:9/v1');
    await expect(key).toHaveJSProperty('required', true);
    await expect(key).toHaveAttribute('placeholder', '');
    await expect(key).toHaveAccessibleDescription(fill(sv.apiKeyNewOrigin, { origin: insurer.server.url }));
    await saveScreenshot(page, 'settings-insurer-new-origin-sv');
    await section.getByRole('button', { name: sv.save }).click();
    expect(kredo.host.services.settings.get().insurer).toEqual(saved);

    // A page that skips the form gets the main process's refusal, naming both origins.
    const refused = await page.evaluate(
      (settings) => (window as unknown as { kredo: { insurerSetConnection(request: unknown): Promise<unknown> } }).kredo.insurerSetConnection({ settings }),
      { ...saved, baseUrl: 'http://127.0.0.1:9/v1' },
    );
    expect(refused).toEqual({ ok: false, error: { code: 'insurer.apiKeyOtherOrigin', params: { keyOrigin: insurer.server.url, origin: 'http://127.0.0.1:9' } } });
    expect(kredo.host.services.settings.get().insurer).toEqual(saved);

    // Back at the key's own origin, the stored key is used again without typing it.
    await address.fill(saved.baseUrl);
    await expect(key).toHaveJSProperty('required', false);
    await expect(key).toHaveAttribute('placeholder', sv.apiKeyStored);
  } finally {
    await insurer.stop();
  }
});
