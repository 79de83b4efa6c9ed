import type { ImportProfiles } from '../import/import-profiles';
import type { ImportService } from '../import/import-service';
import type { MainTFunction } from '../i18n/main-i18n';
import type { DesktopPort } from '../services/desktop-port';
import type { SettingsStore } from '../services/settings-store';
import { headerSignature } from '../import/run-import-job';
import type { IpcHandlers } from './ipc-handlers';

type ImportMethod = Extract<keyof IpcHandlers, `import${string}`>;

/** The file types the import dialog offers; sniffing decides what a file really is. */
const IMPORT_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xml', 'sta', 'mt940', '940'];

export function createImportHandlers(deps: {
  readonly imports: ImportService;
  readonly profiles: ImportProfiles;
  readonly settings: SettingsStore;
  readonly desktop: DesktopPort;
  readonly t: () => MainTFunction;
  /** Starts or stops watching a folder; the service already knows how, this keeps settings and watcher in step. */
  readonly applyWatchedFolder: (folder: string | null) => Promise<void>;
}): Pick<IpcHandlers, ImportMethod> {
  const { imports, profiles, settings, desktop } = deps;
  const importSettings = () => ({ watchedFolder: settings.get().watchedFolder, homeCurrency: settings.get().homeCurrency });
  return {
    importChooseFiles: async () => {
      const t = deps.t();
      const paths = await desktop.chooseOpenFiles({ title: t('imports:chooseTitle'), filterName: t('imports:fileType'), extensions: IMPORT_EXTENSIONS });
      return imports.addPaths(paths, 'dialog');
    },
    importUploadBegin: async ({ name, sizeBytes }) => ({ uploadId: await imports.beginUpload(name, sizeBytes) }),
    importUploadAppend: async ({ uploadId, pieceBase64 }) => {
      await imports.appendUpload(uploadId, Buffer.from(pieceBase64, 'base64'));
      return {};
    },
    importUploadFinish: async ({ uploadId }) => ({ file: await imports.finishUpload(uploadId) }),
    importListFiles: () => ({ files: imports.listFiles() }),
    importAnalyse: ({ fileId, reading }) => imports.analyse(fileId, settings.get().homeCurrency, reading),
    importParse: ({ fileId, attempt, mapping, dialect, reading, content }) => imports.parse(fileId, attempt, mapping, dialect, reading, content),
    importCancel: ({ fileId }) => {
      imports.cancel(fileId);
      return {};
    },
    importReadBatch: async ({ fileId, attempt, index }) => ({ gzipBase64: await imports.readBatch(fileId, attempt, index) }),
    importFinish: async ({ fileId, outcome }) => {
      await imports.finish(fileId, outcome);
      return {};
    },
    importListProfiles: async () => ({ profiles: await profiles.list() }),
    importSaveProfile: ({ name, headers, mapping, dialect, reading, content }) => profiles.save({ name, headerSignature: headerSignature(headers), mapping, dialect, ...(reading && { reading }), ...(content && { content }) }),
    importDeleteProfile: async ({ id }) => {
      await profiles.remove(id);
      return {};
    },
    importGetSettings: importSettings,
    importChooseWatchedFolder: async () => {
      const folder = await desktop.chooseFolder({ title: deps.t()('imports:watched.chooseTitle') });
      if (!folder) return { watchedFolder: settings.get().watchedFolder };
      await deps.applyWatchedFolder(folder);
      await settings.setImportSettings({ watchedFolder: folder });
      return { watchedFolder: folder };
    },
    importClearWatchedFolder: async () => {
      await deps.applyWatchedFolder(null);
      await settings.setImportSettings({ watchedFolder: null });
      return {};
    },
    importSetHomeCurrency: async ({ currency }) => {
      await settings.setImportSettings({ homeCurrency: currency });
      return {};
    },
  };
}
