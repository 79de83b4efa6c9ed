import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import packageJson from '../../package.json' with { type: 'json' };
import { startChromiumHost, type ChromiumHost } from '../../electron/chromium-host/chromium-host';
import { createRecordingDesktop, type DialogAnswers } from '../../electron/chromium-host/host-desktop';
import type { DesktopPort } from '../../electron/main/services/desktop-port';
import type { IsoDate } from '../../shared/time/iso-date';
import { makeTempDir } from '../support/temp-dir';
import { copyUserData } from './copy-user-data';
import { appLanguage, expectDemoAtRest, openDemoStores, type DemoStores } from './prepared-demo';

export interface KredoApp {
  readonly host: ChromiumHost;
  readonly page: Page;
  readonly userDataDir: string;
  /** What the app asked the desktop to open (folders, links). */
  readonly opened: readonly string[];
  /** How the next file dialogs answer (a path, or undefined for Cancel). */
  answerFileDialogs(answers: DialogAnswers): void;
  /**
   * Closes the app and starts it again on the same user-data folder, like quitting and relaunching; with
   * `today`, on a later day (the built-in sandbox insurer's clock moves with it).
   */
  restart(options?: { readonly today?: IsoDate }): Promise<KredoApp>;
  /** Declares console errors this test provokes on purpose (a CSP violation, say), so they do not fail it. */
  expectConsoleErrors(pattern: RegExp): void;
}

/** Page errors and CSP violations seen during a test; any of them fails the test. */
function watchForPageProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
}

interface LaunchContext {
  readonly userDataDir: string;
  readonly systemLocales: readonly string[];
  readonly problems: string[];
  readonly expected: RegExp[];
  readonly launched: ChromiumHost[];
  today: IsoDate;
}

/** The date every end-to-end test runs on, so figures and ageing are the same on every run. */
export const E2E_TODAY = '2026-11-24' as IsoDate;

/** The app through the Chromium host on a user-data folder, on the given day, with page problems collected. */
async function startHost(userDataDir: string, systemLocales: readonly string[], today: IsoDate, desktop: DesktopPort, problems: string[]): Promise<ChromiumHost> {
  const host = await startChromiumHost({
    userDataDir,
    rendererDir: path.resolve('out/renderer'),
    appVersion: packageJson.version,
    headless: true,
    systemLocales,
    desktop,
    today,
  });
  watchForPageProblems(host.page, problems);
  return host;
}

async function launch(context: LaunchContext): Promise<KredoApp> {
  const { userDataDir, systemLocales, problems } = context;
  const desktop = createRecordingDesktop();
  const host = await startHost(userDataDir, systemLocales, context.today, desktop, problems);
  context.launched.push(host);
  return {
    host,
    page: host.page,
    userDataDir,
    opened: desktop.opened,
    answerFileDialogs: (answers) => {
      desktop.answers = answers;
    },
    restart: async (options = {}) => {
      await host.close();
      if (options.today) context.today = options.today;
      return launch(context);
    },
    expectConsoleErrors: (pattern) => {
      context.expected.push(pattern);
    },
  };
}

/**
 * Where a test's app starts: `welcome`, a first start on an empty folder (the first-run screen); `demo`, the
 * demo portfolio opened through that screen on `E2E_TODAY`, prepared once per worker and system language
 * and copied into the test's own folder (prepared-demo.ts), the app at rest on the portfolio.
 */
export type KredoStart = 'welcome' | 'demo';

export const test = base.extend<{ systemLocales: readonly string[]; start: KredoStart; demoTemplate: string | undefined; kredo: KredoApp }, { demoStores: DemoStores }>({
  systemLocales: [['en-GB'], { option: true }],
  start: ['welcome', { option: true }],
  demoStores: [
    // Playwright hands a fixture its dependencies as an object; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const stores = await openDemoStores((userDataDir, systemLocales, problems) => startHost(userDataDir, systemLocales, E2E_TODAY, createRecordingDesktop(), problems));
      await use(stores);
      await stores.remove();
    },
    { scope: 'worker' },
  ],
  // A hang guard of its own, as long as a test's: preparing the demo (once per worker and language) is not the test's time.
  demoTemplate: [async ({ start, systemLocales, demoStores }, use) => use(start === 'demo' ? await demoStores.templateFor(systemLocales) : undefined), { timeout: 120_000 }],
  kredo: async ({ systemLocales, demoTemplate }, use) => {
    const dir = await makeTempDir('kredo-e2e-');
    if (demoTemplate) await copyUserData(demoTemplate, dir.path);
    const context: LaunchContext = { userDataDir: dir.path, systemLocales, problems: [], expected: [], launched: [], today: E2E_TODAY };
    const app = await launch(context);
    if (demoTemplate) await expectDemoAtRest(app.page, appLanguage(app.host));
    await use(app);
    for (const host of context.launched) await host.close();
    await dir.remove();
    const unexpected = context.problems.filter((problem) => !context.expected.some((pattern) => pattern.test(problem)));
    expect(unexpected, 'the page logged errors or CSP violations').toEqual([]);
  },
});

export { expect };

/** Saves a screenshot under test-results/screenshots/, kept after the run for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.resolve('test-results/screenshots', `${name}.png`), fullPage: false });
}
