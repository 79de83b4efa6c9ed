import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { ChromiumHost } from '../../electron/chromium-host/chromium-host';
import type { Language } from '../../shared/i18n/languages';
import { makeTempDir } from '../support/temp-dir';
import { DEMO_DEBTORS } from './demo-portfolio';
import { LimitsPage } from './page-models/limits-page';
import { PortfolioPage } from './page-models/portfolio-page';
import { WelcomePage } from './page-models/welcome-page';

/**
 * The demo portfolio opened once per Playwright worker and system language, for tests whose subject is not
 * the opening itself (the guide: "start e2e tests from prepared stores"). Opened through the first-run screen,
 * each test generated tier S and wrote the store, and then ran beside the first full sync with the built-in
 * sandbox insurer and the first daily backup; here the real app does that once, exactly as a user would, and
 * each test starts from a copy of the whole user-data folder: Chromium's profile (the IndexedDB store), the
 * settings, the sandbox insurer's state (`insurer-sandbox/state.json`), the backups and the log. Started on a
 * copy, the app does what it does on any later start the same day: it opens the portfolio, syncs the
 * insurer's changes (none) and finds today's daily backup made. Measured on 7 December 2026 (load 11-13):
 * showing the portfolio took 1.3-2.6 s after the click and the first sync 0.5-1.5 s more, against 0.1-0.6 s
 * to copy and 1.0-1.8 s to show the copy — the test no longer races the first sync and backup, but the
 * opening was never the bulk of a test's time (starting the host is 2-3 s either way). The first-run journey
 * itself stays tested where it is the subject (shell.spec.ts in each language, portfolio-persistence.spec.ts).
 */
export interface DemoStores {
  /** A user-data folder holding the demo portfolio as the app opened it on a system with these locales. */
  templateFor(systemLocales: readonly string[]): Promise<string>;
  remove(): Promise<void>;
}

/** Starts the app on a user-data folder with the given system locales; page errors it logs are collected. */
export type StartApp = (userDataDir: string, systemLocales: readonly string[], problems: string[]) => Promise<ChromiumHost>;

export async function openDemoStores(start: StartApp): Promise<DemoStores> {
  const root = await makeTempDir('kredo-e2e-demo-');
  const prepared = new Map<string, Promise<string>>();
  let made = 0;
  return {
    templateFor(systemLocales) {
      const key = systemLocales.join(',');
      let template = prepared.get(key);
      if (!template) {
        template = prepareDemo(start, path.join(root.path, `demo-${made++}`), systemLocales);
        prepared.set(key, template);
        // A preparation that failed fails its test and is tried again by the next, not held against all of them.
        template.catch(() => prepared.delete(key));
      }
      return template;
    },
    remove: () => root.remove(),
  };
}

/** The language the app chose from the system's locales on its first start. */
export function appLanguage(host: ChromiumHost): Language {
  return host.services.settings.get().language;
}

/**
 * Waits until an app started on a prepared folder is at rest: the portfolio shows every debtor and the sync
 * at start has finished (also where a process-kill trial starts, `startAtRest`).
 */
export async function expectDemoAtRest(page: Page, language: Language): Promise<void> {
  await new PortfolioPage(page, language).expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  await new LimitsPage(page, language).expectSyncStatus('idle');
}

/**
 * Welcome screen › Open demo portfolio, then waits until the portfolio shows every debtor, the first sync
 * with the sandbox insurer has finished and today's daily backup is listed; Chromium is then closed cleanly
 * (its profile flushed), so the folder can be copied.
 */
async function prepareDemo(start: StartApp, userDataDir: string, systemLocales: readonly string[]): Promise<string> {
  const problems: string[] = [];
  const host = await start(userDataDir, systemLocales, problems);
  try {
    const language = appLanguage(host);
    await new WelcomePage(host.page, language).openDemoPortfolio();
    await new PortfolioPage(host.page, language).expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
    await new LimitsPage(host.page, language).expectFirstSyncDone();
    const dailyBackups = async () => (await host.services.backups.list()).filter((backup) => backup.reason === 'daily').length;
    await expect.poll(dailyBackups).toBe(1);
  } finally {
    await host.close();
  }
  expect(problems, 'the page logged errors or CSP violations while the demo was prepared').toEqual([]);
  return userDataDir;
}
