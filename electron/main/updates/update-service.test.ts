/**
 * The update channel's state machine against a fake updater (the real one, electron-updater, needs the
 * Electron binary). What a user would notice: nothing happens until they give a feed address, a newer
 * version is offered and never downloaded without "Install now", "Later" hides it until the reminder, and a
 * failure is a translated message rather than a silent stop.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/ipc/update-contract';
import type { Clock } from '../../../shared/time/clock';
import { createMemoryLogger, type MemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createMainTranslator } from '../i18n/main-i18n';
import { openSettingsStore, type SettingsStore } from '../services/settings-store';
import { createUpdateService, type UpdateOffer, type UpdaterPort, type UpdateService } from './update-service';

const FEED = 'https://updates.kredo.example/stable/';
const HOUR = 60 * 60 * 1000;

interface FakeUpdater {
  calls: string[];
  offer: UpdateOffer | null;
  checkError: Error | undefined;
  downloadError: Error | undefined;
  port: UpdaterPort;
}

function fakeUpdater(): FakeUpdater {
  const calls: string[] = [];
  const fake: FakeUpdater = {
    calls,
    offer: null as UpdateOffer | null,
    checkError: undefined as Error | undefined,
    downloadError: undefined as Error | undefined,
    port: {
      setFeedUrl: (url: string) => void calls.push(`feed ${url}`),
      check: async () => {
        calls.push('check');
        if (fake.checkError) throw fake.checkError;
        return fake.offer;
      },
      download: async (onProgress: (percent: number) => void) => {
        calls.push('download');
        onProgress(12.5);
        if (fake.downloadError) throw fake.downloadError;
        onProgress(100);
      },
      quitAndInstall: () => void calls.push('quitAndInstall'),
    },
  };
  return fake;
}

function fakeScheduler() {
  const scheduled: { run: () => void; everyMs: number; cancelled: boolean }[] = [];
  return {
    scheduled,
    schedule: (run: () => void, everyMs: number) => {
      const entry = { run, everyMs, cancelled: false };
      scheduled.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    /** Runs what is still scheduled, as the interval would, and waits for the check it starts. */
    tick: async (service: UpdateService) => {
      for (const entry of scheduled.filter((candidate) => !candidate.cancelled)) entry.run();
      await service.idle();
    },
  };
}

const offer = (version: string): UpdateOffer => ({ version, releaseDate: '2026-05-04T10:00:00.000Z', releaseNotes: 'Faster imports.' });

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let settings: SettingsStore;
let logger: MemoryLogger;
let now: number;
const clock: Clock = { now: () => new Date(now), today: () => new Date(now).toISOString().slice(0, 10) as ReturnType<Clock['today']> };

beforeEach(async () => {
  dir = await makeTempDir();
  logger = createMemoryLogger();
  settings = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'en' }, logger });
  now = Date.parse('2026-05-04T09:00:00.000Z');
});
afterEach(async () => {
  await dir.remove();
});

function start(updater: UpdaterPort | undefined) {
  const published: UpdateStatus[] = [];
  const scheduler = fakeScheduler();
  const service = createUpdateService({ updater, settings, clock, logger, onStatus: (status) => published.push(status), schedule: scheduler.schedule });
  service.start();
  return { service, published, scheduler };
}

describe('the update channel', () => {
  it('is off by default: no feed, no check, no download, no timer', async () => {
    const updater = fakeUpdater();
    updater.offer = offer('0.2.0');
    const { service, scheduler } = start(updater.port);
    await service.idle();
    expect(service.view()).toEqual({ settings: { enabled: false, url: null }, status: { state: 'off' } });
    expect((await service.check()).status).toEqual({ state: 'off' });
    expect((await service.install()).status).toEqual({ state: 'off' });
    expect(updater.calls).toEqual([]);
    expect(scheduler.scheduled).toEqual([]);
  });

  it('once turned on, checks that feed at once and every four hours, and offers a newer version without downloading it', async () => {
    const updater = fakeUpdater();
    updater.offer = offer('0.2.0');
    const { service, published, scheduler } = start(updater.port);
    const view = await service.setSettings({ enabled: true, url: FEED });
    expect(view.settings).toEqual({ enabled: true, url: FEED });
    await service.idle();
    expect(updater.calls).toEqual([`feed ${FEED}`, 'check']);
    expect(published.map((status) => status.state)).toEqual(['checking', 'available']);
    expect(service.view().status).toEqual({ state: 'available', version: '0.2.0', releaseDate: '2026-05-04T10:00:00.000Z', releaseNotes: 'Faster imports.' });
    expect(scheduler.scheduled.map((entry) => entry.everyMs)).toEqual([4 * HOUR]);
    expect(settings.get().updates).toEqual({ enabled: true, url: FEED });
  });

  it('says when Kredo is up to date', async () => {
    const updater = fakeUpdater();
    const { service } = start(updater.port);
    await service.setSettings({ enabled: true, url: FEED });
    await service.idle();
    expect(service.view().status).toEqual({ state: 'idle', checkedAt: '2026-05-04T09:00:00.000Z' });
  });

  it('after “Later”, stays quiet until the next day, then reminds; a newer version is offered at once', async () => {
    const updater = fakeUpdater();
    updater.offer = offer('0.2.0');
    const { service, scheduler } = start(updater.port);
    await service.setSettings({ enabled: true, url: FEED });
    await service.idle();

    expect((await service.defer()).status).toEqual({ state: 'deferred', version: '0.2.0', remindAt: '2026-05-05T09:00:00.000Z' });
    now += 4 * HOUR;
    await scheduler.tick(service);
    expect(service.view().status).toMatchObject({ state: 'deferred', version: '0.2.0' });

    now += 20 * HOUR;
    await scheduler.tick(service);
    expect(service.view().status).toMatchObject({ state: 'available', version: '0.2.0' });

    await service.defer();
    updater.offer = offer('0.3.0');
    await scheduler.tick(service);
    expect(service.view().status).toMatchObject({ state: 'available', version: '0.3.0' });
    expect(updater.calls).not.toContain('download');
  });

  it('“Install now” downloads with progress, then quits to install — also from a deferred update', async () => {
    const updater = fakeUpdater();
    updater.offer = offer('0.2.0');
    const { service, published } = start(updater.port);
    await service.setSettings({ enabled: true, url: FEED });
    await service.idle();
    await service.defer();

    await service.install();
    await service.idle();
    expect(updater.calls.slice(-2)).toEqual(['download', 'quitAndInstall']);
    expect(published.slice(-4)).toEqual([
      { state: 'downloading', version: '0.2.0', percent: 0 },
      { state: 'downloading', version: '0.2.0', percent: 12 },
      { state: 'downloading', version: '0.2.0', percent: 100 },
      { state: 'installing', version: '0.2.0' },
    ]);
  });

  it('shows a failed check or download as a translated message, logs why, and installs nothing', async () => {
    const updater = fakeUpdater();
    updater.checkError = new Error('getaddrinfo ENOTFOUND updates.kredo.example');
    const { service } = start(updater.port);
    await service.setSettings({ enabled: true, url: FEED });
    await service.idle();
    expect(service.view().status).toEqual({ state: 'error', code: 'update.checkFailed' });
    expect(logger.entries.some((entry) => entry.level === 'warn' && JSON.stringify(entry.fields).includes('ENOTFOUND'))).toBe(true);

    updater.checkError = undefined;
    updater.offer = offer('0.2.0');
    updater.downloadError = new Error('sha512 checksum mismatch');
    await service.check();
    await service.install();
    await service.idle();
    expect(service.view().status).toEqual({ state: 'error', code: 'update.downloadFailed' });
    expect(updater.calls).not.toContain('quitAndInstall');

    const translate = createMainTranslator();
    for (const language of ['en', 'nl', 'sv'] as const) {
      const t = translate(language);
      for (const code of ['update.checkFailed', 'update.downloadFailed'] as const) expect(t(`errors:${code}`)).not.toBe(code);
    }
  });

  it('turning it off stops the checks and forgets the offer', async () => {
    const updater = fakeUpdater();
    updater.offer = offer('0.2.0');
    const { service, scheduler } = start(updater.port);
    await service.setSettings({ enabled: true, url: FEED });
    await service.idle();
    const view = await service.setSettings({ enabled: false, url: FEED });
    expect(view).toEqual({ settings: { enabled: false, url: FEED }, status: { state: 'off' } });
    const checks = updater.calls.filter((call) => call === 'check').length;
    await scheduler.tick(service);
    expect(updater.calls.filter((call) => call === 'check')).toHaveLength(checks);
  });

  it('checks on start when it was left on', async () => {
    await settings.setUpdateSettings({ enabled: true, url: FEED });
    const updater = fakeUpdater();
    updater.offer = offer('0.2.0');
    const { service } = start(updater.port);
    await service.idle();
    expect(updater.calls).toEqual([`feed ${FEED}`, 'check']);
    expect(service.view().status).toMatchObject({ state: 'available', version: '0.2.0' });
  });

  it('in a host that cannot update itself, keeps the settings but says so and never checks', async () => {
    const { service } = start(undefined);
    const view = await service.setSettings({ enabled: true, url: FEED });
    expect(view).toEqual({ settings: { enabled: true, url: FEED }, status: { state: 'unsupported' } });
    expect((await service.check()).status).toEqual({ state: 'unsupported' });
  });
});
