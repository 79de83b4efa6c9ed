/**
 * The Electron glue, run under Node against a fake `electron` module (the real binary cannot be installed
 * on the build machines). It checks the wiring that only this layer does: sandbox and single instance,
 * the app:// scheme, IPC sender checks, navigation and window guards, permissions, the window's options.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import { makeTempDir } from '../../../tests/support/temp-dir';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const state = {
    userData: '',
    crashDumps: '',
    calls: [] as string[],
    crashReporterOptions: [] as unknown[],
    messageBoxes: [] as { message: string; detail?: string }[],
    openedPaths: [] as string[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandler: undefined as undefined | ((request: Request) => Promise<Response>),
    windows: [] as { options: Record<string, unknown>; url?: string; listeners: Map<string, Listener[]>; closed: boolean }[],
    permissionRequest: undefined as undefined | Listener,
    openedExternally: [] as string[],
    menus: [] as unknown[],
    appListeners,
    resolveReady: () => resolveReady(),
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    static getFocusedWindow = () => null;
    private record: (typeof state.windows)[number];
    webContents = { send: () => undefined, on: () => undefined };
    constructor(options: Record<string, unknown>) {
      this.record = { options, listeners: new Map(), closed: false };
      state.windows.push(this.record);
    }
    maximize() {}
    once() {}
    on(event: string, listener: Listener) {
      this.record.listeners.set(event, [...(this.record.listeners.get(event) ?? []), listener]);
    }
    async loadURL(url: string) {
      this.record.url = url;
    }
    isDestroyed() {
      return this.record.closed;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1200, height: 800 };
    }
    isMaximized() {
      return false;
    }
    close() {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      for (const listener of this.record.listeners.get('close') ?? []) listener(event);
      if (!event.defaultPrevented) this.record.closed = true;
    }
  }
  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => (state.calls.push('requestSingleInstanceLock'), true),
      enableSandbox: () => state.calls.push('enableSandbox'),
      setAppUserModelId: (id: string) => state.calls.push(`appUserModelId:${id}`),
      whenReady: () => (state.calls.push('whenReady'), ready),
      getPath: (name: string) => (name === 'crashDumps' ? state.crashDumps : state.userData),
      getVersion: () => '0.1.0',
      getPreferredSystemLanguages: () => ['nl-NL'],
      on: (event: string, listener: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      quit: () => state.calls.push('quit'),
      exit: () => state.calls.push('exit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => state.calls.push(`scheme:${schemes.map((s) => s.scheme).join()}`),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.protocolHandler = handler;
      },
    },
    ipcMain: { handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler) },
    BrowserWindow,
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        state.openedExternally.push(url);
      },
      openPath: async (folder: string) => {
        state.openedPaths.push(folder);
        return '';
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (buffer: Buffer) => buffer.toString(),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => state.menus.push(menu),
    },
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        state.messageBoxes.push(args.at(-1) as { message: string; detail?: string });
        return { response: 0 };
      },
    },
    crashReporter: {
      start: (options: unknown) => {
        state.calls.push('crashReporter.start');
        state.crashReporterOptions.push(options);
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);
// electron-updater builds its updater on first access of `autoUpdater`; counting those tells whether it ran.
vi.mock('electron-updater', () => ({
  default: {
    get autoUpdater() {
      fake.state.calls.push('electron-updater');
      throw new Error('electron-updater was used while updates are off');
    },
  },
}));

const { startElectronApp } = await import('./start-electron-app');
/** vi.waitFor gives up after 1 s by default: a wall-clock budget that fails on a busy machine (issue 15). */
const UNTIL_IT_HAPPENS = { timeout: 20_000 };

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  dir = await makeTempDir();
  fake.state.userData = path.join(dir.path, 'userData');
  fake.state.crashDumps = path.join(dir.path, 'userData', 'Crashpad');
  await mkdir(path.join(dir.path, 'out/renderer/assets'), { recursive: true });
  await mkdir(path.join(dir.path, 'out/main'), { recursive: true });
  await writeFile(path.join(dir.path, 'out/renderer/index.html'), '<!doctype html><title>Kredo</title>');
  startElectronApp(path.join(dir.path, 'out/main'));
  fake.state.resolveReady();
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), UNTIL_IT_HAPPENS);
});
afterAll(async () => {
  await dir.remove();
});

describe('the Electron glue', () => {
  it('claims the single instance, forces the sandbox and registers app:// before anything else', () => {
    expect(fake.state.calls.slice(0, 3)).toEqual(['scheme:app', 'requestSingleInstanceLock', 'enableSandbox']);
    expect(fake.state.calls).toContain('appUserModelId:app.kredo.desktop');
  });

  it('opens one isolated, sandboxed window on app://kredo/', () => {
    const [window] = fake.state.windows;
    expect(window?.url).toBe('app://kredo/');
    expect(window?.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String((window?.options['webPreferences'] as { preload: string }).preload)).toMatch(/out\/preload\/index\.cjs$/);
  });

  it('serves the built renderer with the strict CSP and nothing outside it', async () => {
    const serve = fake.state.protocolHandler!;
    const page = await serve(new Request('app://kredo/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Kredo</title>');
    expect((await serve(new Request('app://kredo/..%2f..%2fuserData/settings.json'))).status).toBe(404);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://kredo/', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers every contract channel, for the app’s own page only', async () => {
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    const getBootstrap = fake.state.ipcHandlers.get('app:get-bootstrap')!;
    expect(await getBootstrap({ senderFrame: { url: 'app://kredo/' } }, {})).toMatchObject({ ok: true, value: { host: 'electron', language: 'nl' } });
    expect(await getBootstrap({ senderFrame: { url: 'https://evil.example/' } }, {})).toEqual({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    expect(await getBootstrap({ senderFrame: null }, {})).toEqual({ ok: false, error: { code: 'ipc.forbiddenSender' } });
  });

  it('blocks navigation away from the app, webviews and new windows; opens safe links in the browser', () => {
    const handlers = new Map<string, Listener>();
    let windowOpenHandler: Listener = () => undefined;
    const contents = {
      on: (event: string, handler: Listener) => handlers.set(event, handler),
      setWindowOpenHandler: (handler: Listener) => {
        windowOpenHandler = handler;
      },
    };
    for (const listener of fake.state.appListeners.get('web-contents-created') ?? []) listener({}, contents);

    const navigate = (url: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      handlers.get('will-navigate')!(event, url);
      return event.prevented;
    };
    expect(navigate('https://phishing.example/login')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://kredo/index.html')).toBe(false);

    const webview = { prevented: false, preventDefault() { this.prevented = true; } };
    handlers.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);

    expect(windowOpenHandler({ url: 'https://www.atradius.nl/' })).toEqual({ action: 'deny' });
    expect(windowOpenHandler({ url: 'file:///C:/Windows/calc.exe' })).toEqual({ action: 'deny' });
    expect(fake.state.openedExternally).toEqual(['https://www.atradius.nl/']);
  });

  it('denies permission requests such as the camera', () => {
    const answers: boolean[] = [];
    fake.state.permissionRequest!({}, 'media', (allowed: boolean) => answers.push(allowed));
    fake.state.permissionRequest!({}, 'clipboard-sanitized-write', (allowed: boolean) => answers.push(allowed));
    expect(answers).toEqual([false, true]);
  });

  it('installs a translated application menu', () => {
    const menu = fake.state.menus.at(-1) as { label: string }[];
    expect(menu.map((item) => item.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Taal', 'Help']);
  });

  it('leaves electron-updater alone while updates are off (the default), yet answers the update channels', async () => {
    const getStatus = fake.state.ipcHandlers.get('update:get-status')!;
    expect(await getStatus({ senderFrame: { url: 'app://kredo/' } }, {})).toEqual({
      ok: true,
      value: { settings: { enabled: false, url: null }, status: { state: 'off' } },
    });
    expect(fake.state.calls).not.toContain('electron-updater');
  });

  it('keeps crash dumps on this computer only: Crashpad started before the app is ready, never uploading', () => {
    expect(fake.state.crashReporterOptions).toEqual([expect.objectContaining({ uploadToServer: false })]);
    expect(fake.state.crashReporterOptions[0]).not.toHaveProperty('submitURL');
    expect(fake.state.calls.indexOf('crashReporter.start')).toBeLessThan(fake.state.calls.indexOf('whenReady'));
  });

  it('Help › Show crash reports says there are none, or opens the folder that holds them', async () => {
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const showCrashReports = () => {
      const menu = fake.state.menus.at(-1) as Item[];
      const help = menu.find((item) => item.label === 'Help')!;
      help.submenu!.find((item) => item.label === 'Crashrapporten tonen')!.click!();
    };
    showCrashReports();
    await vi.waitFor(() => expect(fake.state.messageBoxes).toHaveLength(1), UNTIL_IT_HAPPENS);
    expect(fake.state.messageBoxes[0]).toMatchObject({ message: 'Geen crashrapporten' });
    expect(fake.state.openedPaths).toEqual([]);

    await mkdir(path.join(fake.state.crashDumps, 'completed'), { recursive: true });
    await writeFile(path.join(fake.state.crashDumps, 'completed', 'a1b2.dmp'), 'MDMP');
    showCrashReports();
    await vi.waitFor(() => expect(fake.state.openedPaths).toEqual([fake.state.crashDumps]), UNTIL_IT_HAPPENS);
    expect(fake.state.messageBoxes).toHaveLength(1);
  });

  it('saves the window position before the window closes', async () => {
    const window = fake.state.windows[0]!;
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    for (const listener of window.listeners.get('close') ?? []) listener(event);
    expect(event.prevented).toBe(true);
    const { readFile } = await import('node:fs/promises');
    await vi.waitFor(async () => {
      expect(JSON.parse(await readFile(path.join(fake.state.userData, 'window-state.json'), 'utf8'))).toEqual({
        x: 10,
        y: 20,
        width: 1200,
        height: 800,
        isMaximized: false,
      });
    }, UNTIL_IT_HAPPENS);
  });
});
