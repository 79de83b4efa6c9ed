/**
 * The names of every IPC channel, keyed by the method name the renderer calls. This file has no imports on
 * purpose: the sandboxed preload bundles it, and the Chromium host serialises it into the page, so it must
 * stay plain data. The schemas for each channel live in `contract.ts`, keyed by the same method names.
 */
export const INVOKE_CHANNELS = {
  getBootstrap: 'app:get-bootstrap',
  setLanguage: 'settings:set-language',
  openExternalLink: 'shell:open-external',
  openLogFolder: 'help:open-log-folder',
  reportRendererError: 'log:renderer-error',
  backupBegin: 'backup:begin',
  backupAppend: 'backup:append',
  backupCommit: 'backup:commit',
  backupAbort: 'backup:abort',
  backupList: 'backup:list',
  backupRead: 'backup:read',
  backupExport: 'backup:export',
  backupImportFile: 'backup:import-file',
  backupOpenFolder: 'backup:open-folder',
  importChooseFiles: 'import:choose-files',
  importUploadBegin: 'import:upload-begin',
  importUploadAppend: 'import:upload-append',
  importUploadFinish: 'import:upload-finish',
  importListFiles: 'import:list-files',
  importAnalyse: 'import:analyse',
  importParse: 'import:parse',
  importCancel: 'import:cancel',
  importReadBatch: 'import:read-batch',
  importFinish: 'import:finish',
  importListProfiles: 'import:list-profiles',
  importSaveProfile: 'import:save-profile',
  importDeleteProfile: 'import:delete-profile',
  importGetSettings: 'import:get-settings',
  importChooseWatchedFolder: 'import:choose-watched-folder',
  importClearWatchedFolder: 'import:clear-watched-folder',
  importSetHomeCurrency: 'import:set-home-currency',
  exportSaveFile: 'export:save-file',
  insurerFullResync: 'insurer:full-resync',
  insurerChanges: 'insurer:changes',
  insurerLookupBuyer: 'insurer:lookup-buyer',
  insurerCheckBuyer: 'insurer:check-buyer',
  insurerRequestCheck: 'insurer:request-check',
  insurerSubmit: 'insurer:submit',
  insurerSubmitLoss: 'insurer:submit-loss',
  insurerLossStatus: 'insurer:loss-status',
  insurerCoverRequests: 'insurer:cover-requests',
  insurerLossRecords: 'insurer:loss-records',
  insurerGetConnection: 'insurer:get-connection',
  insurerSetConnection: 'insurer:set-connection',
  insurerPolicyTerms: 'insurer:policy-terms',
  insurerSandboxControl: 'insurer:sandbox-control',
  insurerDeclareTurnover: 'insurer:declare-turnover',
  updateGetStatus: 'update:get-status',
  updateSetSettings: 'update:set-settings',
  updateCheck: 'update:check',
  updateInstall: 'update:install',
  updateDefer: 'update:defer',
  ratesImportFile: 'rates:import-file',
  mailGetSettings: 'mail:get-settings',
  mailTest: 'mail:test',
  mailSetSettings: 'mail:set-settings',
  mailQueue: 'mail:queue',
  mailWithdraw: 'mail:withdraw',
  mailOutcomes: 'mail:outcomes',
  mailAcknowledge: 'mail:acknowledge',
  mailOutbox: 'mail:outbox',
  mailResend: 'mail:resend',
  mailDismiss: 'mail:dismiss',
} as const;

/** Channels on which the main process pushes events to the renderer. */
export const EVENT_CHANNELS = {
  onMenuCommand: 'menu:command',
  onLanguageChanged: 'settings:language-changed',
  onBackupsChanged: 'backup:changed',
  onImportProgress: 'import:progress',
  onImportFileArrived: 'import:file-arrived',
  onImportFileRefused: 'import:file-refused',
  onUpdateStatus: 'update:status',
  onMailOutcome: 'mail:outcome',
} as const;

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;
export type EventMethod = keyof typeof EVENT_CHANNELS;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[InvokeMethod];
export type EventChannel = (typeof EVENT_CHANNELS)[EventMethod];

export interface KredoChannels {
  readonly invoke: Readonly<Record<string, string>>;
  readonly events: Readonly<Record<string, string>>;
}

export const KREDO_CHANNELS = { invoke: INVOKE_CHANNELS, events: EVENT_CHANNELS } as const satisfies KredoChannels;

/** The global under which the preload (or the Chromium host) exposes the API to the renderer. */
export const KREDO_API_GLOBAL = 'kredo';
