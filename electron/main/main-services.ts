import path from 'node:path';
import { languageFromLocales } from '../../shared/i18n/languages';
import type { Bootstrap } from '../../shared/ipc/contract';
import { systemClock, type Clock } from '../../shared/time/clock';
import { createMainTranslator } from './i18n/main-i18n';
import { createIpcDispatcher, type IpcDispatch } from './ipc/ipc-dispatcher';
import { createIpcHandlers } from './ipc/create-ipc-handlers';
import { createInsurerService } from './insurer/insurer-service';
import type { IpcHandlers } from './ipc/ipc-handlers';
import { createRendererEvents, type RendererEvents } from './ipc/renderer-events';
import { createOriginPolicy } from './security/origin-policy';
import type { DesktopPort } from './services/desktop-port';
import { createFileLogger, type Logger } from './services/logger';
import { createSecretStore, type SecretCodec, type SecretStore } from './services/secret-store';
import { openSettingsStore, type SettingsStore } from './services/settings-store';
import { createWindowStateStore, type WindowStateStore } from './services/window-state';
import { openBackupService, type BackupService } from './services/backup-service';
import { createImportProfiles } from './import/import-profiles';
import { openImportService, type ImportService, type StartImportWorker } from './import/import-service';
import { createUpdateService, type UpdaterPort, type UpdateService } from './updates/update-service';
import { openMailService } from './mail/mail-service';

export interface MainServicesOptions {
  readonly userDataDir: string;
  readonly appVersion: string;
  readonly platform: NodeJS.Platform;
  readonly host: Bootstrap['host'];
  /** The operating system's preferred locales, used to pick the language on the very first start. */
  readonly systemLocales: readonly string[];
  /** The URLs of the pages allowed to call the main process (the app's own origin). */
  readonly rendererUrls: readonly string[];
  readonly secretCodec: SecretCodec;
  readonly desktop: DesktopPort;
  readonly echoLog?: boolean;
  /** Where today comes from; a fixed clock for tests and benchmarks, the system clock otherwise. */
  readonly clock?: Clock;
  /** Starts an import job's worker thread: the bundled file in Electron, the TypeScript source in the Chromium host. */
  readonly startImportWorker: StartImportWorker;
  /** The desktop app's updater (electron-updater) in a packaged build; absent where the app cannot update itself. */
  readonly createUpdater?: (logger: Logger) => UpdaterPort;
}

export interface MainServices {
  readonly logger: Logger;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly windowState: WindowStateStore;
  readonly events: RendererEvents;
  readonly handlers: IpcHandlers;
  readonly dispatch: IpcDispatch;
  readonly translator: ReturnType<typeof createMainTranslator>;
  readonly clock: Clock;
  readonly backups: BackupService;
  readonly imports: ImportService;
  readonly updates: UpdateService;
  /** Stops watchers, running import jobs and update checks. */
  close(): Promise<void>;
}

/**
 * The composition root of the main process: every service, wired once. The Electron entry point and the
 * Chromium host both call this and differ only in the ports they pass in (secret codec, desktop) and in how
 * they carry `dispatch` and `events` to the page. There is one set of handlers, not a second fake backend.
 */
export async function createMainServices(options: MainServicesOptions): Promise<MainServices> {
  const logger = createFileLogger({ directory: path.join(options.userDataDir, 'logs'), echo: options.echoLog ?? false });
  logger.info('Kredo main process starting', { version: options.appVersion, host: options.host, platform: options.platform });

  const settings = await openSettingsStore({
    userDataDir: options.userDataDir,
    defaults: { language: languageFromLocales(options.systemLocales) },
    logger,
  });
  const events = createRendererEvents();
  settings.onChange((next, previous) => {
    if (next.language !== previous.language) events.publish('onLanguageChanged', { language: next.language });
  });

  const clock = options.clock ?? systemClock();
  const platform = options.platform === 'win32' || options.platform === 'darwin' ? options.platform : 'linux';
  const translator = createMainTranslator();
  const backups = await openBackupService({ userDataDir: options.userDataDir, clock, logger, onChange: () => events.publish('onBackupsChanged', {}) });
  const importProfiles = createImportProfiles({ userDataDir: options.userDataDir, logger });
  const imports = await openImportService({
    userDataDir: options.userDataDir,
    logger,
    profiles: importProfiles,
    startWorker: options.startImportWorker,
    onProgress: (fileId, done, total) => events.publish('onImportProgress', { fileId, done, total }),
    onFileArrived: (file) => events.publish('onImportFileArrived', { file }),
    onFileRefused: (refusal) => events.publish('onImportFileRefused', refusal),
  });
  await imports.setWatchedFolder(settings.get().watchedFolder);
  const secrets = createSecretStore({ userDataDir: options.userDataDir, codec: options.secretCodec, logger });
  const insurer = createInsurerService({ stateFile: path.join(options.userDataDir, 'insurer-sandbox', 'state.json'), clock, logger, settings, secrets });
  const mail = await openMailService({ userDataDir: options.userDataDir, settings, secrets, logger, onOutcome: () => events.publish('onMailOutcome', {}) });
  const updates = createUpdateService({
    updater: options.createUpdater?.(logger),
    settings,
    clock,
    logger,
    onStatus: (status) => events.publish('onUpdateStatus', { status }),
  });
  const handlers = createIpcHandlers({
    appInfo: { appVersion: options.appVersion, platform, host: options.host },
    settings,
    logger,
    desktop: options.desktop,
    clock,
    isClockFixed: options.clock !== undefined,
    backups,
    imports,
    importProfiles,
    insurer,
    updates,
    mail,
    t: () => translator(settings.get().language),
  });
  updates.start();

  return {
    logger,
    settings,
    secrets,
    windowState: createWindowStateStore({ userDataDir: options.userDataDir, logger }),
    events,
    handlers,
    dispatch: createIpcDispatcher({ handlers, isAllowedSender: createOriginPolicy(options.rendererUrls), logger }),
    translator,
    clock,
    backups,
    imports,
    updates,
    close: async () => {
      updates.stop();
      await imports.close();
      await insurer.close();
      await mail.close();
    },
  };
}
