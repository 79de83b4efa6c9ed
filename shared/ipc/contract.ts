/**
 * The IPC contract: for every channel in `channels.ts`, the zod schema of its request and response (and of
 * every event's payload). The main process validates each request against it before a handler runs and each
 * response before it leaves; the renderer treats the types derived here as the truth. Payloads are JSON-safe
 * (ISO date strings, integer minor units) so that Electron's structured clone and the Chromium host's
 * JSON binding carry exactly the same values.
 */
import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import { SCREENS } from '../navigation/screens';
import { isIsoDate, type IsoDate } from '../time/iso-date';
import { isCurrencyCode } from '../money/money';
import type { EventMethod, InvokeMethod } from './channels';
import { insurerContract } from './insurer-contract';
import { turnoverContract } from './turnover-contract';
import { updateContract, updateEventContract } from './update-contract';
import { ratesContract } from './rates-contract';
import { mailContract, mailEventContract } from './mail-contract';
import { columnMappingSchema, dialectSchema, fileAnalysisSchema, importFileSchema, importProfileSchema, importRefusalSchema, parseSummarySchema, readingSchema, tableContentSchema } from './import-contract';

export const languageSchema = z.enum(SUPPORTED_LANGUAGES);
export const screenSchema = z.enum(SCREENS);

const emptyRequest = z.strictObject({});

/** A business date, `YYYY-MM-DD`. */
export const isoDateSchema = z.string().refine(isIsoDate, 'Not a YYYY-MM-DD date').transform((value) => value as IsoDate);

export const bootstrapSchema = z.strictObject({
  appVersion: z.string(),
  platform: z.enum(['win32', 'darwin', 'linux']),
  host: z.enum(['electron', 'chromium']),
  language: languageSchema,
  logFilePath: z.string(),
  /** Today's business date by the main process's clock. */
  today: isoDateSchema,
  /** True when the clock is pinned (tests, benchmarks): the page must use `today` rather than its own clock. */
  isClockFixed: z.boolean(),
});

export const menuCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('navigate'), screen: screenSchema }),
  z.strictObject({ type: z.literal('import') }),
  z.strictObject({ type: z.literal('show-shortcuts') }),
]);

export const BACKUP_REASONS = ['daily', 'manual', 'before-import', 'before-migration', 'before-restore', 'imported'] as const;
export const backupReasonSchema = z.enum(BACKUP_REASONS);

/** A backup file as the main process knows it: its metadata, never its contents. */
export const backupInfoSchema = z.strictObject({
  id: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
  reason: backupReasonSchema,
  sizeBytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int().positive(),
  /** Records per table, as counted in the file when it was checked. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Debtors in the backup, to show what it holds. */
  debtors: z.number().int().nonnegative(),
  /** SHA-256 of the file, hex, taken when it was checked (absent in backups made before it was kept). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

/** Backup contents cross IPC in base64 pieces of at most 12 MB (both transports carry strings well). */
const BACKUP_PIECE_MAX = 12 * 1024 * 1024;

/** The file types a grid or report is exported as. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'eml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** An export crosses IPC whole: 64 MB of base64 is about 48 MB of file, far above a tier-L grid or report. */
const EXPORT_MAX_BASE64 = 64 * 1024 * 1024;

export interface ChannelSchemas {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

export const INVOKE_CONTRACT = {
  getBootstrap: { request: emptyRequest, response: bootstrapSchema },
  setLanguage: {
    request: z.strictObject({ language: languageSchema }),
    response: z.strictObject({ language: languageSchema }),
  },
  openExternalLink: {
    request: z.strictObject({ url: z.string().max(2048) }),
    response: z.strictObject({ opened: z.boolean() }),
  },
  openLogFolder: { request: emptyRequest, response: z.strictObject({ path: z.string() }) },
  reportRendererError: {
    request: z.strictObject({
      message: z.string().max(4000),
      stack: z.string().max(20000).optional(),
      source: z.string().max(200).optional(),
    }),
    response: z.strictObject({}),
  },
  backupBegin: {
    request: z.strictObject({
      reason: backupReasonSchema,
      schemaVersion: z.number().int().positive(),
      debtors: z.number().int().nonnegative(),
    }),
    response: z.strictObject({ sessionId: z.string() }),
  },
  backupAppend: {
    request: z.strictObject({ sessionId: z.string().max(64), pieceBase64: z.string().max(BACKUP_PIECE_MAX).regex(/^[A-Za-z0-9+/]*={0,2}$/) }),
    response: z.strictObject({}),
  },
  backupCommit: { request: z.strictObject({ sessionId: z.string().max(64) }), response: backupInfoSchema },
  backupAbort: { request: z.strictObject({ sessionId: z.string().max(64) }), response: z.strictObject({}) },
  backupList: { request: emptyRequest, response: z.strictObject({ backups: z.array(backupInfoSchema), folder: z.string() }) },
  backupRead: {
    request: z.strictObject({ id: z.string().max(200), offset: z.number().int().nonnegative() }),
    response: z.strictObject({ pieceBase64: z.string(), nextOffset: z.number().int().nonnegative().nullable() }),
  },
  backupExport: { request: z.strictObject({ id: z.string().max(200) }), response: z.strictObject({ savedTo: z.string().nullable() }) },
  ...insurerContract,
  ...turnoverContract,
  ...updateContract,
  ...ratesContract,
  ...mailContract,
  exportSaveFile: {
    request: z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      // Only the suggested name's characters a file system accepts everywhere; the user can change it in the dialog.
      suggestedName: z.string().min(1).max(120).regex(/^[\p{L}\p{N} ._()-]+$/u),
      dataBase64: z.string().max(EXPORT_MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
    response: z.strictObject({ savedTo: z.string().nullable() }),
  },
  backupImportFile: { request: emptyRequest, response: z.strictObject({ backup: backupInfoSchema.nullable() }) },
  backupOpenFolder: { request: emptyRequest, response: z.strictObject({ path: z.string() }) },
  importChooseFiles: { request: emptyRequest, response: z.strictObject({ files: z.array(importFileSchema), refused: z.array(importRefusalSchema) }) },
  importUploadBegin: { request: z.strictObject({ name: z.string().min(1).max(260), sizeBytes: z.number().int().nonnegative() }), response: z.strictObject({ uploadId: z.string() }) },
  importUploadAppend: { request: z.strictObject({ uploadId: z.string().max(64), pieceBase64: z.string().max(BACKUP_PIECE_MAX).regex(/^[A-Za-z0-9+/]*={0,2}$/) }), response: z.strictObject({}) },
  importUploadFinish: { request: z.strictObject({ uploadId: z.string().max(64) }), response: z.strictObject({ file: importFileSchema }) },
  importListFiles: { request: emptyRequest, response: z.strictObject({ files: z.array(importFileSchema) }) },
  importAnalyse: { request: z.strictObject({ fileId: z.string().max(64), reading: readingSchema.optional() }), response: fileAnalysisSchema },
  importParse: { request: z.strictObject({ fileId: z.string().max(64), attempt: z.number().int().nonnegative(), mapping: columnMappingSchema, dialect: dialectSchema, reading: readingSchema.optional(), content: tableContentSchema.optional() }), response: parseSummarySchema },
  importCancel: { request: z.strictObject({ fileId: z.string().max(64) }), response: z.strictObject({}) },
  importReadBatch: { request: z.strictObject({ fileId: z.string().max(64), attempt: z.number().int().nonnegative(), index: z.number().int().nonnegative() }), response: z.strictObject({ gzipBase64: z.string().nullable() }) },
  importFinish: { request: z.strictObject({ fileId: z.string().max(64), outcome: z.enum(['committed', 'discarded']) }), response: z.strictObject({}) },
  importListProfiles: { request: emptyRequest, response: z.strictObject({ profiles: z.array(importProfileSchema) }) },
  importSaveProfile: {
    request: z.strictObject({ name: z.string().min(1).max(80), headers: z.array(z.string().max(200)).max(500), mapping: columnMappingSchema, dialect: dialectSchema, reading: readingSchema.optional(), content: tableContentSchema.optional() }),
    response: importProfileSchema,
  },
  importDeleteProfile: { request: z.strictObject({ id: z.string().max(64) }), response: z.strictObject({}) },
  importGetSettings: { request: emptyRequest, response: z.strictObject({ watchedFolder: z.string().nullable(), homeCurrency: z.string() }) },
  importChooseWatchedFolder: { request: emptyRequest, response: z.strictObject({ watchedFolder: z.string().nullable() }) },
  importClearWatchedFolder: { request: emptyRequest, response: z.strictObject({}) },
  importSetHomeCurrency: { request: z.strictObject({ currency: z.string().refine(isCurrencyCode) }), response: z.strictObject({}) },
} as const satisfies Record<InvokeMethod, ChannelSchemas>;

export const EVENT_CONTRACT = {
  onMenuCommand: menuCommandSchema,
  onLanguageChanged: z.strictObject({ language: languageSchema }),
  /** A backup was added, removed or imported: lists should reload. */
  onBackupsChanged: z.strictObject({}),
  onImportProgress: z.strictObject({ fileId: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  onImportFileArrived: z.strictObject({ file: importFileSchema }),
  /** A file was not taken in (a watched-folder arrival, with the reason). */
  onImportFileRefused: importRefusalSchema,
  ...updateEventContract,
  ...mailEventContract,
} as const satisfies Record<EventMethod, z.ZodType>;

export type Bootstrap = z.output<typeof bootstrapSchema>;
export type BackupInfo = z.output<typeof backupInfoSchema>;
export type BackupReason = z.output<typeof backupReasonSchema>;
export type MenuCommand = z.output<typeof menuCommandSchema>;
export type InvokeRequest<M extends InvokeMethod> = z.input<(typeof INVOKE_CONTRACT)[M]['request']>;
export type InvokeResponse<M extends InvokeMethod> = z.output<(typeof INVOKE_CONTRACT)[M]['response']>;
export type EventPayload<M extends EventMethod> = z.output<(typeof EVENT_CONTRACT)[M]>;
