import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createMainServices, type MainServices } from '../main/main-services';
import { contentSecurityPolicy } from '../main/security/content-security-policy';
import type { DesktopPort } from '../main/services/desktop-port';
import { errorFields } from '../main/services/logger';
import { plaintextSecretCodec } from '../main/services/secret-store';
import { resolveStaticFile, staticResponseHeaders } from '../main/static/static-files';
import { fixedClock } from '../../shared/time/clock';
import type { IsoDate } from '../../shared/time/iso-date';
import { bridgeInitScript } from './bridge-init-script';
import { createSystemDesktop } from './host-desktop';
import { hostImportWorker } from './host-import-worker';
import { BULK_CHANNELS, BULK_IPC_PATH, EVENT_DELIVERY_NAME, HOST_ORIGIN_URL, IPC_BINDING_NAME } from './host-origin';

/** Flags that keep Debian's Chromium quiet on machines with a closed network and no GPU. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * A window opens as an app window (no tabs or address bar), like the desktop app. Chromium refuses to run
 * as root with its sandbox on, so `--no-sandbox` is added only then; `--test-type` keeps Chromium from
 * covering the app with its "unsupported flag" warning bar.
 */
function chromiumArgs(headless: boolean): string[] {
  const isRoot = process.getuid?.() === 0;
  const flags = CHROMIUM_FLAGS.filter((flag) => flag !== '--no-sandbox' || isRoot || headless);
  return headless ? flags : [...flags, '--test-type', `--app=${HOST_ORIGIN_URL}`];
}

export interface ChromiumHostOptions {
  readonly userDataDir: string;
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  readonly appVersion: string;
  readonly headless: boolean;
  readonly executablePath?: string;
  readonly systemLocales?: readonly string[];
  readonly desktop?: DesktopPort;
  readonly viewport?: { readonly width: number; readonly height: number } | null;
  readonly echoLog?: boolean;
  /** Pins today's date (tests and benchmarks); the system clock otherwise. */
  readonly today?: IsoDate;
  /**
   * More Chromium switches: the process-kill test adds `--remote-debugging-port=0` so that it can drive a
   * host running in another process (tests/e2e/process-kill).
   */
  readonly extraChromiumArgs?: readonly string[];
}

export interface ChromiumHost {
  readonly services: MainServices;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * Runs the whole app without the Electron binary: the real main-process services, and the real renderer
 * in Debian's Chromium. The renderer is served on a fixed origin through Playwright's routing (the
 * counterpart of Electron's `app://` protocol, with the same files, headers and CSP), and `window.kredo` is
 * bound to the same IPC dispatcher Electron's ipcMain uses. The browser profile lives in the user-data
 * folder, so IndexedDB survives a restart just as it does in the desktop app.
 */
export async function startChromiumHost(options: ChromiumHostOptions): Promise<ChromiumHost> {
  const services = await createMainServices({
    userDataDir: options.userDataDir,
    appVersion: options.appVersion,
    platform: process.platform,
    host: 'chromium',
    systemLocales: options.systemLocales ?? [Intl.DateTimeFormat().resolvedOptions().locale],
    rendererUrls: [HOST_ORIGIN_URL],
    secretCodec: plaintextSecretCodec,
    desktop: options.desktop ?? createSystemDesktop(),
    echoLog: options.echoLog ?? false,
    startImportWorker: hostImportWorker(options.rendererDir),
    ...(options.today && { clock: fixedClock(`${options.today}T12:00:00Z`) }),
  });

  const context = await chromium.launchPersistentContext(path.join(options.userDataDir, 'chromium-profile'), {
    executablePath: options.executablePath ?? process.env['KREDO_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: options.headless,
    args: [...chromiumArgs(options.headless), ...(options.extraChromiumArgs ?? [])],
    viewport: options.viewport === undefined ? { width: 1360, height: 860 } : options.viewport,
  });

  const csp = contentSecurityPolicy({ delivery: 'header' });
  // Routes run newest first: anything that is not the app's own origin is refused, like the CSP would.
  await context.route('**/*', (route) => route.abort('blockedbyclient'));
  await context.route(`${HOST_ORIGIN_URL}**`, async (route) => {
    const file = resolveStaticFile(options.rendererDir, route.request().url());
    const notFound = () => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    if (!file || route.request().method() !== 'GET') return notFound();
    try {
      await route.fulfill({ status: 200, headers: staticResponseHeaders(file, csp), body: await readFile(file.filePath) });
    } catch {
      await notFound();
    }
  });

  // Large answers: same dispatch, carried by a fulfilled request (see BULK_IPC_PATH).
  await context.route(`${HOST_ORIGIN_URL}${BULK_IPC_PATH}**`, async (route) => {
    const request = route.request();
    const channel = decodeURIComponent(new URL(request.url()).pathname.slice(`/${BULK_IPC_PATH}`.length));
    let sender = '';
    try {
      sender = request.frame().url();
    } catch {
      // Not from a page (a worker): no sender, which the dispatcher refuses.
    }
    let payload: unknown;
    try {
      payload = request.method() === 'POST' && BULK_CHANNELS.includes(channel) ? JSON.parse(request.postData() ?? 'null') : undefined;
    } catch {
      // Not JSON: refused below like any invalid request.
    }
    const result = payload === undefined ? { ok: false, error: { code: 'ipc.invalidRequest', params: { channel } } } : await services.dispatch(channel, payload, sender);
    await route.fulfill({ status: 200, contentType: 'application/json', headers: { 'cache-control': 'no-store' }, body: JSON.stringify(result) });
  });

  await context.exposeBinding(IPC_BINDING_NAME, (source, channel: unknown, payload: unknown) =>
    services.dispatch(String(channel), payload, source.frame.url()),
  );
  await context.addInitScript({ content: bridgeInitScript() });

  const disconnect = services.events.connect((channel, payload) => {
    for (const page of context.pages()) {
      page
        .evaluate(([name, eventChannel, eventPayload]) => {
          const deliver = (window as unknown as Record<string, (c: string, p: unknown) => void>)[name];
          deliver?.(eventChannel, eventPayload);
        }, [EVENT_DELIVERY_NAME, channel, payload] as const)
        .catch((error: unknown) => services.logger.warn('Event not delivered to the page', errorFields(error)));
    }
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => services.logger.error('Uncaught error in the page', errorFields(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') services.logger.error('Console error in the page', { text: message.text() });
  });
  await page.goto(HOST_ORIGIN_URL);

  return {
    services,
    context,
    page,
    async close() {
      disconnect();
      await context.close();
      await services.close();
    },
  };
}
