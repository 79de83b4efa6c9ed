import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { seedSandboxState } from '../../../electron/sandbox/seed-sandbox';
import { makeTempDir } from '../../support/temp-dir';
import { copyUserData } from '../copy-user-data';
import { DEMO_DEBTORS } from '../demo-portfolio';
import { E2E_TODAY } from '../fixtures';
import { expectDemoAtRest } from '../prepared-demo';
import { texts } from '../locale-texts';
import { AppShellPage } from '../page-models/app-shell-page';
import { BackupsPage } from '../page-models/backups-page';
import { LimitsPage } from '../page-models/limits-page';
import { PortfolioPage } from '../page-models/portfolio-page';
import { WelcomePage } from '../page-models/welcome-page';
import { startCountingInsurer, type CountingInsurer } from './counting-insurer';
import { startKillableHost, type KillableHost } from './killable-host';
import { readStoreOnDisk, type StoreChecksums } from './store-checksum';

/** A user-data folder to copy for each trial, the insurer's state that goes with it, and its store's checksums. */
export interface PreparedStore {
  readonly userData: string;
  readonly insurerState: string;
  readonly store: StoreChecksums;
}

/** The process-kill test's folders and its insurer, shared by its trials. */
export interface KillWorkspace {
  readonly insurer: CountingInsurer;
  /** A path in the workspace. */
  folder(name: string): string;
  /** A fresh copy of a prepared user-data folder for one trial. */
  trialFolder(template: string): Promise<string>;
  close(): Promise<void>;
}

export async function openKillWorkspace(): Promise<KillWorkspace> {
  const work = await makeTempDir('kredo-kill-');
  const insurer = await startCountingInsurer({ today: E2E_TODAY });
  let trials = 0;
  return {
    insurer,
    folder: (name) => path.join(work.path, name),
    async trialFolder(template) {
      trials += 1;
      const folder = path.join(work.path, `trial-${trials}`);
      await copyUserData(template, folder);
      return folder;
    },
    async close() {
      await insurer.close();
      await work.remove();
    },
  };
}

/** Starts the app on a folder and waits until its sync at start has finished. */
export async function startAtRest(userData: string): Promise<KillableHost> {
  const host = await startKillableHost({ userDataDir: userData, today: E2E_TODAY });
  await expectDemoAtRest(host.page, 'en');
  return host;
}

/** Three demo buyers the insurer knows, without cover or open request, of grade 3–4: €400,000 goes to an underwriter. */
export function uninsuredGoodBuyers(): { readonly companyId: string; readonly legalName: string }[] {
  const state = seedSandboxState({ now: new Date(`${E2E_TODAY}T12:00:00Z`) });
  const busy = new Set([...state.covers.map((cover) => cover.companyId), ...state.requests.map((request) => request.companyId)]);
  return state.companies.filter((company) => !busy.has(company.companyId) && (company.grade === 3 || company.grade === 4) && company.identifiers.length > 0).slice(0, 3);
}

/** Settings › Insurer: the counting insurer's address, policy and API key, tested and saved. */
async function connectInsurer(page: Page, insurer: CountingInsurer): Promise<void> {
  const form = texts('en').settings.insurer;
  await new AppShellPage(page, 'en').open('settings');
  await page.getByLabel(form.api).check();
  await page.getByLabel(form.baseUrl).fill(insurer.baseUrl);
  await page.getByLabel(form.policyId, { exact: true }).fill(insurer.policyId);
  await page.getByLabel(form.apiKey).fill(insurer.apiKey);
  await page.getByRole('button', { name: form.save }).click();
  await expect(page.getByText(form.saved)).toBeVisible();
}

/** The demo portfolio synced with the counting insurer and today's daily backup made: the app at rest. */
export async function prepareAtRest(space: KillWorkspace): Promise<PreparedStore> {
  const { insurer } = space;
  await insurer.start();
  const userData = space.folder('at-rest');
  const host = await startKillableHost({ userDataDir: userData, today: E2E_TODAY });
  await new WelcomePage(host.page, 'en').openDemoPortfolio();
  await new PortfolioPage(host.page, 'en').expectCount(DEMO_DEBTORS, DEMO_DEBTORS);
  await connectInsurer(host.page, insurer);
  const limits = new LimitsPage(host.page, 'en');
  const fullResync = insurer.nextRequest((call) => /\/covers/.test(call.path));
  await limits.syncNow.click();
  await fullResync;
  await limits.expectSyncStatus('idle');
  const backups = new BackupsPage(host.page, 'en');
  await backups.open();
  await expect(backups.rowFor('daily')).toHaveCount(1);
  await host.stop();
  const insurerState = space.folder('insurer-at-rest.json');
  await insurer.saveState(insurerState);
  return { userData, insurerState, store: await readStoreOnDisk(await space.trialFolder(userData)) };
}

/** The app at rest with three limit requests made offline in its outbox, and 20 reductions waiting in the insurer's feed. */
export async function prepareSyncDue(space: KillWorkspace, atRest: PreparedStore): Promise<PreparedStore> {
  const { insurer } = space;
  const userData = space.folder('sync-due');
  await copyUserData(atRest.userData, userData);
  await insurer.start(atRest.insurerState);
  const host = await startAtRest(userData);
  await host.page.context().setOffline(true);
  const limits = new LimitsPage(host.page, 'en');
  await limits.expectSyncStatus('offline');
  for (const buyer of uninsuredGoodBuyers()) {
    await new AppShellPage(host.page, 'en').open('portfolio');
    await limits.openDebtor(buyer.legalName);
    await limits.requestLimit('400000');
    await expect(limits.openRequest).toContainText('waiting to be sent');
  }
  await host.stop();
  const { covers } = JSON.parse(await readFile(atRest.insurerState, 'utf8')) as { covers: { companyId: string; status: string; decidedAmountMinor: number; pendingChange: unknown }[] };
  const reduced = covers.filter((cover) => cover.status === 'APPROVED' && cover.decidedAmountMinor >= 1_000_000 && !cover.pendingChange).slice(0, 20);
  for (const cover of reduced) await insurer.admin('POST', `/buyers/${encodeURIComponent(cover.companyId)}/reduction`, {});
  const insurerState = space.folder('insurer-sync-due.json');
  await insurer.saveState(insurerState);
  return { userData, insurerState, store: await readStoreOnDisk(await space.trialFolder(userData)) };
}
