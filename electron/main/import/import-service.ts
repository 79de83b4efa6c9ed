import { randomUUID } from 'node:crypto';
import type { TableContent } from '../../../shared/import/customer-fields';
import { appendFile, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { KredoError, serializeError } from '../../../shared/errors/kredo-error';
import type { SerializedError } from '../../../shared/ipc/ipc-result';
import type { FileAnalysis, ImportDialect, ImportFile, ImportReading, ImportRefusal, ParseSummary } from '../../../shared/ipc/import-contract';
import type { ColumnMapping } from '../../../shared/import/open-item-fields';
import type { Logger } from '../services/logger';
import type { ImportProfiles } from './import-profiles';
import { ImportFileError } from './import-error';
import { WORKER_MAX_OLD_GENERATION_MB, WORKER_STALL_MS } from './import-limits';
import { gzipBatch } from './gzip-batch';
import { ParseAttempts } from './parsed-batches';
import { createWorkerStandby } from './worker-standby';
import type { ImportJobMessage, ImportJobRequest } from './run-import-job';
import { intradayReportFormat, sniffFormat, unreadableReason } from './sniff-format';
import { moveToImported, watchImportFolder } from './watched-folder';

/** Files larger than this are refused with a clear message (tier L's million-row export is ~110 MB). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/**
 * Starts an import worker thread with the given resource limits; it is sent its one job by message
 * (import-worker.ts). Electron and the Chromium host each know where the code is.
 */
export type StartImportWorker = (options: { readonly resourceLimits: ResourceLimits }) => Worker;

/**
 * How long after a job the next worker is started and kept ready (worker-standby.ts): past the comparing
 * and saving that follow a parse at tier L, and well before a controller has reviewed an analysis.
 */
export const STANDBY_AFTER_JOB_MS = 5_000;

/**
 * The import worker's memory: a hostile file (a 9 KB zip bomb grew the worker past 1.5 GB) ends the
 * worker, not the app. The young generation keeps V8's default.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: WORKER_MAX_OLD_GENERATION_MB };

type WorkerReply = ImportJobMessage | { type: 'done' } | { type: 'failed'; error: SerializedError; detail: string };

/** Files taken in, and those refused with the reason, so one bad file never stops the others. */
export interface AddedFiles {
  readonly files: ImportFile[];
  readonly refused: ImportRefusal[];
}

interface HeldFile {
  readonly file: ImportFile;
  readonly path: string;
  /** Uploaded (dropped) files live in Kredo's own folder and are deleted when done. */
  readonly isTemporary: boolean;
  worker?: Worker;
  readonly parses: ParseAttempts;
  /**
   * A bank file's parse, read with its analysis (run-import-job.ts) and kept for the import that follows,
   * with the identity the file had when it was read: a file changed since is read again.
   */
  readAhead?: { readonly identity: string; readonly batches: readonly Promise<Uint8Array>[]; readonly summary: ParseSummary };
}

/** What tells the file read before from a changed one: size, modification time and inode (as `make` does). */
async function fileIdentity(filePath: string): Promise<string | undefined> {
  const { size, mtimeMs, ino } = await stat(filePath).catch(() => ({ size: -1, mtimeMs: -1, ino: -1 }));
  return size < 0 ? undefined : `${size}:${mtimeMs}:${ino}`;
}

export interface ImportService {
  addPaths(paths: readonly string[], origin: 'dialog' | 'watched'): Promise<AddedFiles>;
  beginUpload(name: string, sizeBytes: number): Promise<string>;
  appendUpload(uploadId: string, bytes: Uint8Array): Promise<void>;
  finishUpload(uploadId: string): Promise<ImportFile>;
  listFiles(): ImportFile[];
  /** Looks at a file; a table is read as `reading` asks, the rest detected. */
  analyse(fileId: string, defaultCurrency: string, reading?: ImportReading): Promise<FileAnalysis>;
  /** Reads the whole file; its batches can be read (readBatch) while it runs. `attempt` numbers the renderer's tries. */
  parse(fileId: string, attempt: number, mapping: ColumnMapping, dialect: ImportDialect, reading?: ImportReading, content?: TableContent): Promise<ParseSummary>;
  cancel(fileId: string): void;
  /** One parsed batch as gzip'd JSON (see run-import-job.ts) in base64 for IPC; null after the last one. Waits while the parse is behind. */
  readBatch(fileId: string, attempt: number, index: number): Promise<string | null>;
  finish(fileId: string, outcome: 'committed' | 'discarded'): Promise<void>;
  setWatchedFolder(folder: string | null): Promise<void>;
  close(): Promise<void>;
}

/**
 * The main process's side of importing: it takes files in (dialog, drop, watched folder), checks their
 * size and kind, runs analysis and parsing in worker threads with progress and cancel, and holds the
 * parsed batches (readable while the parse runs) until the renderer's data worker has committed them.
 */
export async function openImportService(options: {
  userDataDir: string;
  logger: Logger;
  profiles: ImportProfiles;
  startWorker: StartImportWorker;
  onProgress: (fileId: string, done: number, total: number) => void;
  onFileArrived: (file: ImportFile) => void;
  /** A file in the watched folder was not taken in: the Imports screen says which and why. */
  onFileRefused: (refusal: ImportRefusal) => void;
  /** How long a job may go without a message before it is stopped (tests shorten it). */
  stallMs?: number;
  /** How long after a job the next worker is made ready (tests shorten it). */
  standbyAfterJobMs?: number;
}): Promise<ImportService> {
  const stallMs = options.stallMs ?? WORKER_STALL_MS;
  const standbyAfterJobMs = options.standbyAfterJobMs ?? STANDBY_AFTER_JOB_MS;
  const { logger } = options;
  const incoming = path.join(options.userDataDir, 'imports', 'incoming');
  await mkdir(incoming, { recursive: true });
  for (const stale of await readdir(incoming)) await rm(path.join(incoming, stale), { force: true });
  const files = new Map<string, HeldFile>();
  const uploads = new Map<string, { path: string; name: string; sizeBytes: number; written: number }>();
  let watcher: { close(): Promise<void> } | undefined;
  const workers = createWorkerStandby(() => options.startWorker({ resourceLimits: IMPORT_WORKER_LIMITS }), logger);
  workers.prepare();

  const held = (fileId: string) => {
    const entry = files.get(fileId);
    if (!entry) throw new KredoError('import.fileGone');
    return entry;
  };

  async function register(filePath: string, name: string, origin: ImportFile['origin'], isTemporary: boolean): Promise<ImportFile> {
    const { size } = await stat(filePath);
    if (size > MAX_IMPORT_BYTES) throw new ImportFileError('fileTooLarge', { file: name, sizeMb: Math.ceil(size / 1_048_576), limitMb: MAX_IMPORT_BYTES / 1_048_576 });
    if (size === 0) throw new ImportFileError('empty', { file: name });
    const handle = await open(filePath, 'r');
    const head = new Uint8Array(Math.min(size, 65_536));
    await handle.read(head, 0, head.length, 0);
    await handle.close();
    const intraday = intradayReportFormat(head);
    if (intraday) throw new ImportFileError('intradayReport', { file: name, format: intraday });
    const kind = sniffFormat(head);
    if (!kind) throw new ImportFileError(unreadableReason(head, name), { file: name });
    const file: ImportFile = { fileId: randomUUID(), name, sizeBytes: size, kind, origin };
    files.set(file.fileId, { file, path: filePath, isTemporary, parses: new ParseAttempts() });
    logger.info('Import file received', { name, kind, sizeBytes: size, origin });
    return file;
  }

  function runJob(entry: HeldFile, request: ImportJobRequest, onMessage: (message: ImportJobMessage) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = workers.take();
      entry.worker = worker;
      let isSettled = false;
      // The watchdog: a job that says nothing for stallMs (no progress, no result) is stuck, in a
      // parser loop or an endless file; it is stopped rather than left to hold the file and a core.
      let watchdog: NodeJS.Timeout | undefined;
      const feedWatchdog = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          logger.error('Import job stalled', { file: entry.file.name, stallMs });
          settle(new KredoError('import.stalled', { file: entry.file.name, seconds: Math.round(stallMs / 1000) }));
        }, stallMs);
      };
      feedWatchdog();
      const settle = (error?: unknown) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(watchdog);
        entry.worker = undefined;
        void worker.terminate();
        workers.prepare(standbyAfterJobMs);
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve();
      };
      worker.on('message', (message: WorkerReply) => {
        feedWatchdog();
        if (message.type === 'done') settle();
        else if (message.type === 'failed') {
          if (message.error.code === 'internal') logger.error('Import job failed', { file: entry.file.name, detail: message.detail });
          settle(new KredoError(message.error.code === 'internal' ? 'import.unreadable' : message.error.code, message.error.code === 'internal' ? { file: entry.file.name } : message.error.params));
        } else onMessage(message);
      });
      worker.on('error', (error) => {
        logger.error('Import worker crashed', { file: entry.file.name, error: String(error) });
        // Past its memory limit the worker is ended by V8 (resourceLimits), and the file is named.
        const isOutOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        settle(isOutOfMemory ? new KredoError('import.tooMuchMemory', { file: entry.file.name, limitMb: WORKER_MAX_OLD_GENERATION_MB }) : new KredoError('import.unreadable', { file: entry.file.name }));
      });
      worker.on('exit', () => settle(new KredoError('import.cancelled', { file: entry.file.name })));
      worker.postMessage(request);
    });
  }

  /** Why a file was not taken in, for the Imports screen; what the user cannot act on goes to the log. */
  function refusal(filePath: string, origin: ImportRefusal['origin'], error: unknown): ImportRefusal {
    const name = path.basename(filePath);
    if (error instanceof KredoError) {
      logger.info('Import file refused', { name, code: error.code });
      return { name, origin, error: serializeError(error) };
    }
    logger.warn('Import file could not be taken in', { filePath, error: String(error) });
    return { name, origin, error: { code: 'import.unreadable', params: { file: name } } };
  }

  return {
    async addPaths(paths, origin) {
      const added: ImportFile[] = [];
      const refused: ImportRefusal[] = [];
      for (const filePath of paths) {
        const already = [...files.values()].find((entry) => entry.path === filePath);
        try {
          added.push(already?.file ?? (await register(filePath, path.basename(filePath), origin, false)));
        } catch (error) {
          refused.push(refusal(filePath, origin, error));
        }
      }
      return { files: added, refused };
    },
    async beginUpload(name, sizeBytes) {
      if (sizeBytes > MAX_IMPORT_BYTES) throw new ImportFileError('fileTooLarge', { file: name, sizeMb: Math.ceil(sizeBytes / 1_048_576), limitMb: MAX_IMPORT_BYTES / 1_048_576 });
      const uploadId = randomUUID();
      const safeName = path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'file';
      const target = path.join(incoming, `${uploadId}-${safeName}`);
      await appendFile(target, new Uint8Array());
      uploads.set(uploadId, { path: target, name: path.basename(name), sizeBytes, written: 0 });
      return uploadId;
    },
    async appendUpload(uploadId, bytes) {
      const upload = uploads.get(uploadId);
      if (!upload) throw new KredoError('import.fileGone');
      if (upload.written + bytes.length > upload.sizeBytes) throw new ImportFileError('fileTooLarge', { file: upload.name, sizeMb: Math.ceil(upload.sizeBytes / 1_048_576), limitMb: MAX_IMPORT_BYTES / 1_048_576 });
      await appendFile(upload.path, bytes);
      upload.written += bytes.length;
    },
    async finishUpload(uploadId) {
      const upload = uploads.get(uploadId);
      if (!upload) throw new KredoError('import.fileGone');
      uploads.delete(uploadId);
      try {
        return await register(upload.path, upload.name, 'drop', true);
      } catch (error) {
        await rm(upload.path, { force: true });
        throw error;
      }
    },
    listFiles: () => [...files.values()].map((entry) => entry.file),
    async analyse(fileId, defaultCurrency, reading) {
      const entry = held(fileId);
      let analysis: FileAnalysis | undefined;
      // Taken before the job reads the file: a change while it reads makes the kept parse not match.
      const identity = await fileIdentity(entry.path);
      const batches: Promise<Uint8Array>[] = [];
      let parsed: ParseSummary | undefined;
      entry.readAhead = undefined;
      await runJob(entry, { type: 'analyse', path: entry.path, name: entry.file.name, kind: entry.file.kind, defaultCurrency, profiles: await options.profiles.list(), ...(reading && { reading }) }, (message) => {
        if (message.type === 'analysis') analysis = message.analysis;
        else if (message.type === 'batch') batches.push(gzipBatch(message.bytes));
        else if (message.type === 'summary') parsed = message.summary;
      });
      if (!analysis) throw new KredoError('import.unreadable', { file: entry.file.name });
      if (parsed && identity) entry.readAhead = { identity, batches, summary: parsed };
      return analysis;
    },
    async parse(fileId, attempt, mapping, dialect, reading, content) {
      const entry = held(fileId);
      const parsed = entry.parses.start(attempt);
      const kept = entry.readAhead;
      if (kept && kept.identity === (await fileIdentity(entry.path))) {
        for (const batch of kept.batches) parsed.add(batch);
        parsed.finish();
        logger.info('Import file parsed with its analysis', { name: entry.file.name, records: kept.summary.recordCount, rejected: kept.summary.rejectionCount });
        return { ...kept.summary, fileId };
      }
      let summary: ParseSummary | undefined;
      try {
        await runJob(entry, { type: 'parse', path: entry.path, name: entry.file.name, kind: entry.file.kind, fileId, mapping, dialect, ...(reading && { reading }), ...(content && { content }) }, (message) => {
          if (message.type === 'batch') parsed.add(gzipBatch(message.bytes));
          else if (message.type === 'progress') options.onProgress(fileId, message.done, message.total);
          else if (message.type === 'summary') summary = message.summary;
        });
        if (!summary) throw new KredoError('import.unreadable', { file: entry.file.name });
      } catch (error) {
        parsed.fail(error);
        throw error;
      }
      parsed.finish();
      logger.info('Import file parsed', { name: entry.file.name, records: summary.recordCount, rejected: summary.rejectionCount });
      return summary;
    },
    cancel(fileId) {
      const worker = files.get(fileId)?.worker;
      if (worker) void worker.terminate();
    },
    async readBatch(fileId, attempt, index) {
      const batch = await held(fileId).parses.read(attempt, index);
      return batch && Buffer.from(batch.buffer, batch.byteOffset, batch.byteLength).toString('base64');
    },
    async finish(fileId, outcome) {
      const entry = files.get(fileId);
      if (!entry) return;
      files.delete(fileId);
      entry.parses.close(new KredoError('import.fileGone'));
      entry.worker?.terminate();
      if (entry.isTemporary) await rm(entry.path, { force: true });
      else if (entry.file.origin === 'watched' && outcome === 'committed') await moveToImported(entry.path).catch((error: unknown) => logger.warn('Could not move an imported file', { file: entry.path, error: String(error) }));
      logger.info('Import file finished', { name: entry.file.name, outcome });
    },
    async setWatchedFolder(folder) {
      await watcher?.close();
      watcher = undefined;
      if (!folder) return;
      watcher = watchImportFolder(folder, (filePath) => {
        if ([...files.values()].some((entry) => entry.path === filePath)) return;
        register(filePath, path.basename(filePath), 'watched', false).then(options.onFileArrived, (error: unknown) => options.onFileRefused(refusal(filePath, 'watched', error)));
      }, logger);
    },
    async close() {
      await watcher?.close();
      await workers.close();
      for (const entry of files.values()) await entry.worker?.terminate();
    },
  };
}
