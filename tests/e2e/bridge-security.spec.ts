import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { expect, test } from './fixtures';

test('the page sees exactly the contract’s functions, frozen, and nothing of Node', async ({ kredo }) => {
  const surface = await kredo.page.evaluate(() => {
    const api = (window as unknown as { kredo: object }).kredo;
    return {
      keys: Object.keys(api).sort(),
      isFrozen: Object.isFrozen(api),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    };
  });
  expect(surface).toEqual({
    keys: [...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)].sort(),
    isFrozen: true,
    require: 'undefined',
    process: 'undefined',
  });
});

test('the main process refuses payloads that break the contract and changes nothing', async ({ kredo }) => {
  const result = await kredo.page.evaluate(() =>
    (window as unknown as { kredo: { setLanguage(request: unknown): Promise<unknown> } }).kredo.setLanguage({ language: 'de', admin: true }),
  );
  expect(result).toEqual({ ok: false, error: { code: 'ipc.invalidRequest', params: { channel: 'settings:set-language' } } });
  expect(kredo.host.services.settings.get().language).toBe('en');
});

test('the Content Security Policy stops injected scripts and outside connections', async ({ kredo }) => {
  kredo.expectConsoleErrors(/Content Security Policy|Failed to fetch|ERR_BLOCKED/);
  const outcome = await kredo.page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true';
    document.head.append(script);
    let isFetchBlocked = false;
    try {
      await fetch('https://example.com/steal');
    } catch {
      isFetchBlocked = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { injectedScriptRan: (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan === true, isFetchBlocked, violations };
  });
  expect(outcome.injectedScriptRan).toBe(false);
  expect(outcome.isFetchBlocked).toBe(true);
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
});
