import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, ipcMain } from 'electron';
import { APP_ID } from '../../../shared/app-identity';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import { createMainServices } from '../main-services';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { createOriginPolicy } from '../security/origin-policy';
import { errorFields } from '../services/logger';
import { registerAppScheme, serveRendererOnAppScheme } from './app-protocol';
import { APP_ORIGIN_URL } from './app-urls';
import { installApplicationMenu } from './application-menu';
import { startLocalCrashReporter } from './crash-reporting';
import { electronDesktop } from './electron-desktop';
import { createElectronUpdater } from './electron-updater';
import { openMainWindow, preloadPathNextTo } from './main-window';
import { createSafeStorageCodec } from './safe-storage-codec';
import { applyCspToDevServer, installSecurityHooks } from './security-hooks';

/**
 * The desktop app's lifecycle: one instance at a time, the sandbox forced on every renderer, the hardened
 * session, then the shared main services wired to Electron's IPC, window and menu.
 */
export function startElectronApp(mainDir: string): void {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  app.setAppUserModelId(APP_ID);
  const crashReports = startLocalCrashReporter();

  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const rendererUrl = devServerUrl ?? APP_ORIGIN_URL;
  const rendererUrls = devServerUrl ? [devServerUrl] : [APP_ORIGIN_URL];

  app
    .whenReady()
    .then(async () => {
      const services = await createMainServices({
        userDataDir: app.getPath('userData'),
        appVersion: app.getVersion(),
        platform: process.platform,
        host: 'electron',
        systemLocales: app.getPreferredSystemLanguages(),
        rendererUrls,
        secretCodec: createSafeStorageCodec(),
        desktop: electronDesktop,
        // Only an installed app can update itself; electron-updater is not touched unless updates are turned on.
        ...(app.isPackaged && { createUpdater: createElectronUpdater }),
        // The import worker is bundled next to the main entry (electron.vite.config.ts, input `import-worker`).
        startImportWorker: ({ resourceLimits }) => new Worker(path.join(mainDir, 'import-worker.js'), { resourceLimits }),
      });
      app.on('will-quit', () => void services.close());
      process.on('uncaughtException', (error) => services.logger.error('Uncaught exception', errorFields(error)));

      installSecurityHooks({ isAppUrl: createOriginPolicy(rendererUrls), logger: services.logger });
      const csp = contentSecurityPolicy({ delivery: 'header', ...(devServerUrl && { devServerOrigin: new URL(devServerUrl).origin }) });
      if (devServerUrl) applyCspToDevServer(devServerUrl, csp);
      else serveRendererOnAppScheme(path.join(mainDir, '../renderer'), csp);

      for (const channel of Object.values(INVOKE_CHANNELS)) {
        ipcMain.handle(channel, (event, payload: unknown) => services.dispatch(channel, payload, event.senderFrame?.url ?? ''));
      }
      installApplicationMenu(services, { appVersion: app.getVersion(), isDevelopment: !app.isPackaged, crashReports });

      const windowOptions = {
        preloadPath: preloadPathNextTo(mainDir),
        url: rendererUrl,
        iconPath: path.join(mainDir, '../../resources/icon.png'),
      };
      let mainWindow = await openMainWindow(services, windowOptions);

      app.on('second-instance', () => {
        if (mainWindow.isDestroyed()) return;
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.focus();
      });
      app.on('activate', () => {
        // macOS keeps the app running without windows; clicking the Dock icon opens one again.
        if (BrowserWindow.getAllWindows().length === 0) {
          void openMainWindow(services, windowOptions).then((window) => {
            mainWindow = window;
          });
        }
      });
      services.logger.info('Kredo window opened', { url: rendererUrl });
    })
    .catch((error: unknown) => {
      console.error('Kredo could not start', error);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
