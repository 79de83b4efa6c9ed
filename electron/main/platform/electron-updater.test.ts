/**
 * The adapter between the update service and electron-updater, against a fake `electron-updater` module
 * (the real one needs the Electron binary). What matters: electron-updater is not even touched until the
 * user turns updates on, and then it never downloads by itself nor installs on quit.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../tests/support/memory-logger';

const fake = vi.hoisted(() => {
  const state = {
    created: 0,
    calls: [] as unknown[][],
    result: null as unknown,
    updater: undefined as unknown,
  };
  return { state };
});

vi.mock('electron-updater', () => {
  const make = () => {
    const emitter = new EventEmitter();
    const updater = Object.assign(emitter, {
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: true,
      allowPrerelease: true,
      logger: console as unknown,
      setFeedURL: (options: unknown) => fake.state.calls.push(['setFeedURL', options, { autoDownload: updater.autoDownload }]),
      checkForUpdates: async () => {
        fake.state.calls.push(['checkForUpdates', { autoDownload: updater.autoDownload, autoInstallOnAppQuit: updater.autoInstallOnAppQuit }]);
        return fake.state.result;
      },
      downloadUpdate: async () => {
        fake.state.calls.push(['downloadUpdate']);
        emitter.emit('download-progress', { percent: 40.2 });
        emitter.emit('download-progress', { percent: 100 });
        return ['/tmp/Kredo-Setup-0.2.0.exe'];
      },
      quitAndInstall: (...args: unknown[]) => fake.state.calls.push(['quitAndInstall', ...args]),
    });
    fake.state.updater = updater;
    return updater;
  };
  let instance: ReturnType<typeof make> | undefined;
  const module = {
    get autoUpdater() {
      if (!instance) {
        fake.state.created += 1;
        instance = make();
      }
      return instance;
    },
  };
  return { default: module };
});

const { createElectronUpdater } = await import('./electron-updater');

describe('electron-updater behind the update port', () => {
  it('leaves electron-updater alone until updates are used, then sets it up to ask before downloading', async () => {
    const logger = createMemoryLogger();
    const port = createElectronUpdater(logger);
    expect(fake.state.created).toBe(0);

    port.setFeedUrl('https://updates.kredo.example/stable/');
    fake.state.result = { isUpdateAvailable: false, updateInfo: { version: '0.1.0' } };
    expect(await port.check()).toBeNull();
    expect(fake.state.calls).toEqual([
      ['setFeedURL', { provider: 'generic', url: 'https://updates.kredo.example/stable/' }, { autoDownload: false }],
      ['checkForUpdates', { autoDownload: false, autoInstallOnAppQuit: false }],
    ]);
    expect(fake.state.updater).toMatchObject({ allowDowngrade: false, allowPrerelease: false });

    // Its own log lines go to Kredo's log, and an 'error' event cannot crash the main process.
    (fake.state.updater as unknown as EventEmitter).emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(logger.entries.some((entry) => JSON.stringify(entry.fields).includes('ERR_INTERNET_DISCONNECTED'))).toBe(true);
  });

  it('offers the newer release, downloads it with progress on request, and installs it when told', async () => {
    const port = createElectronUpdater(createMemoryLogger());
    fake.state.calls = [];
    fake.state.result = { isUpdateAvailable: true, updateInfo: { version: '0.2.0', releaseDate: '2026-05-04T10:00:00.000Z', releaseNotes: [{ version: '0.2.0', note: '…' }] } };
    expect(await port.check()).toEqual({ version: '0.2.0', releaseDate: '2026-05-04T10:00:00.000Z', releaseNotes: null });
    expect(fake.state.calls.map((call) => call[0])).toEqual(['checkForUpdates']);

    const progress: number[] = [];
    await port.download((percent) => progress.push(percent));
    expect(progress).toEqual([40.2, 100]);
    expect((fake.state.updater as unknown as EventEmitter).listenerCount('download-progress')).toBe(0);

    port.quitAndInstall();
    expect(fake.state.calls.at(-1)).toEqual(['quitAndInstall', false, true]);
  });
});
