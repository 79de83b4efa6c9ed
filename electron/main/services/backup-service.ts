import { randomUUID } from 'node:crypto';
import { appendFile, copyFile, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { KredoError } from '../../../shared/errors/kredo-error';
import { backupInfoSchema, type BackupInfo, type BackupReason } from '../../../shared/ipc/contract';
import type { Clock } from '../../../shared/time/clock';
import { BackupFileProblem, hashFile, inspectBackupFile, type BackupInspection } from './backup-inspection';
import { backupsToKeep } from './backup-retention';
import { syncFile, syncFolder } from './fsync';
import { writeJsonFileAtomic } from './json-file';
import { errorFields, type Logger } from './logger';

const EXTENSION = '.kredobackup';
/** Largest backup file accepted from outside: far above tier L (about 60 MB compressed). */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;
/** How much of a backup one read returns (9 MB, 12 MB once in base64). */
const READ_PIECE_BYTES = 9 * 1024 * 1024;

interface Session {
  readonly partialPath: string;
  readonly reason: BackupReason;
  readonly schemaVersion: number;
  readonly debtors: number;
  readonly createdAt: Date;
}

export interface BackupService {
  readonly folder: string;
  begin(meta: { reason: BackupReason; schemaVersion: number; debtors: number }): Promise<string>;
  append(sessionId: string, bytes: Uint8Array): Promise<void>;
  commit(sessionId: string): Promise<BackupInfo>;
  abort(sessionId: string): Promise<void>;
  list(): Promise<BackupInfo[]>;
  read(id: string, offset: number): Promise<{ bytes: Uint8Array; nextOffset: number | null }>;
  exportTo(id: string, target: string): Promise<void>;
  importFrom(source: string): Promise<BackupInfo>;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z').replace('T', '-');
}

/**
 * Backup files under `<user data>/backups`. The renderer's data layer writes the format (gzip'd JSON lines)
 * from one consistent snapshot of the store; this service keeps the files. A backup is written to a
 * `.partial` file and only counts once it is complete and checked, as SQLite commits: the file is fsynced,
 * read back whole (gunzip, every line parsed, records counted per table against the header, SHA-256), and
 * only then renamed into place and the folder fsynced. So a crash or a bad write leaves no backup that
 * looks whole but would be refused on restore. Each file has a small JSON manifest beside it for the
 * list, with the counts found in the file and its hash. Old backups are removed by kind (backup-retention.ts).
 */
export async function openBackupService(options: { userDataDir: string; clock: Clock; logger: Logger; onChange?: () => void }): Promise<BackupService> {
  const folder = path.join(options.userDataDir, 'backups');
  await mkdir(folder, { recursive: true });
  // Leftovers of backups that were cut short (the app closed or crashed half-way).
  for (const file of await readdir(folder)) {
    if (file.endsWith('.partial')) await rm(path.join(folder, file), { force: true });
  }
  const sessions = new Map<string, Session>();
  const { logger } = options;

  const fileOf = (id: string) => {
    if (!/^kredo-[0-9A-Za-z-]+$/.test(id)) throw new KredoError('backup.notFound');
    return path.join(folder, `${id}${EXTENSION}`);
  };
  const sessionOf = (sessionId: string) => {
    const session = sessions.get(sessionId);
    if (!session) throw new KredoError('backup.sessionExpired');
    return session;
  };

  async function list(): Promise<BackupInfo[]> {
    const manifests = (await readdir(folder)).filter((file) => file.endsWith(`${EXTENSION}.json`));
    const infos: BackupInfo[] = [];
    for (const manifest of manifests) {
      try {
        infos.push(backupInfoSchema.parse(JSON.parse(await readFile(path.join(folder, manifest), 'utf8'))));
      } catch {
        logger.warn('Unreadable backup manifest ignored', { manifest });
      }
    }
    return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function prune(): Promise<void> {
    const backups = await list();
    const keep = backupsToKeep(backups, options.clock.now());
    for (const old of backups.filter((backup) => !keep.has(backup.id))) {
      // The manifest first: a backup without one is not listed, one without its file would be.
      await rm(`${fileOf(old.id)}.json`, { force: true });
      await rm(fileOf(old.id), { force: true });
      logger.info('Old backup removed', { id: old.id, reason: old.reason, createdAt: old.createdAt });
    }
  }

  /** Moves a checked `.partial` file into place durably, writes its manifest and prunes old backups. */
  async function publish(partialPath: string, id: string, inspection: BackupInspection, info: Pick<BackupInfo, 'createdAt' | 'reason' | 'schemaVersion' | 'debtors'>): Promise<BackupInfo> {
    const file = fileOf(id);
    await rename(partialPath, file);
    await syncFolder(folder);
    const complete: BackupInfo = { id, fileName: path.basename(file), sizeBytes: inspection.sizeBytes, ...info, counts: inspection.counts, sha256: inspection.sha256 };
    await writeJsonFileAtomic(`${file}.json`, complete);
    await syncFolder(folder);
    await prune();
    options.onChange?.();
    return complete;
  }

  return {
    folder,
    async begin(meta) {
      const sessionId = randomUUID();
      const createdAt = options.clock.now();
      const partialPath = path.join(folder, `kredo-${stamp(createdAt)}-${meta.reason}-${sessionId.slice(0, 8)}${EXTENSION}.partial`);
      await appendFile(partialPath, new Uint8Array());
      sessions.set(sessionId, { partialPath, createdAt, ...meta });
      return sessionId;
    },
    async append(sessionId, bytes) {
      await appendFile(sessionOf(sessionId).partialPath, bytes);
    },
    async commit(sessionId) {
      const session = sessionOf(sessionId);
      sessions.delete(sessionId);
      const id = path.basename(session.partialPath).replace(`${EXTENSION}.partial`, '');
      let inspection: BackupInspection;
      try {
        await syncFile(session.partialPath);
        inspection = await inspectBackupFile(session.partialPath);
        if (inspection.header.schemaVersion !== session.schemaVersion) throw new Error(`Schema version ${inspection.header.schemaVersion} in the file, ${session.schemaVersion} announced`);
      } catch (error) {
        await rm(session.partialPath, { force: true });
        logger.error('Backup failed its check and was discarded', { id, reason: session.reason, ...errorFields(error) });
        throw new KredoError('backup.failed', undefined, { cause: error });
      }
      const info = await publish(session.partialPath, id, inspection, { createdAt: session.createdAt.toISOString(), reason: session.reason, schemaVersion: session.schemaVersion, debtors: session.debtors });
      logger.info('Backup written and checked', { id, reason: info.reason, sizeBytes: info.sizeBytes, sha256: info.sha256 });
      return info;
    },
    async abort(sessionId) {
      const session = sessions.get(sessionId);
      sessions.delete(sessionId);
      if (session) await rm(session.partialPath, { force: true });
    },
    list,
    async read(id, offset) {
      const handle = await open(fileOf(id), 'r').catch(() => {
        throw new KredoError('backup.notFound');
      });
      try {
        const size = (await handle.stat()).size;
        const length = Math.max(0, Math.min(READ_PIECE_BYTES, size - offset));
        const bytes = new Uint8Array(length);
        await handle.read(bytes, 0, length, offset);
        return { bytes, nextOffset: offset + length < size ? offset + length : null };
      } finally {
        await handle.close();
      }
    },
    async exportTo(id, target) {
      const file = fileOf(id);
      await copyFile(file, target);
      await syncFile(target);
      // Read the copy back: a file that leaves this computer must be the backup, byte for byte.
      const [original, copy] = await Promise.all([hashFile(file), hashFile(target)]);
      if (original !== copy) {
        logger.error('Exported backup differs from the original', { id, target });
        throw new KredoError('backup.failed');
      }
      logger.info('Backup exported', { id, target, sha256: copy });
    },
    async importFrom(source) {
      const size = (await stat(source)).size;
      const name = path.basename(source);
      if (size > MAX_IMPORT_BYTES) throw new KredoError('backup.tooLarge', { file: name });
      const inspection = await inspect(source, name);
      const createdAt = options.clock.now();
      const id = `kredo-${stamp(createdAt)}-imported-${randomUUID().slice(0, 8)}`;
      const partialPath = `${fileOf(id)}.partial`;
      try {
        await copyFile(source, partialPath);
        await syncFile(partialPath);
        if ((await hashFile(partialPath)) !== inspection.sha256) throw new Error('The copy differs from the file');
      } catch (error) {
        await rm(partialPath, { force: true });
        logger.error('Backup file could not be copied in', { source, ...errorFields(error) });
        throw new KredoError('backup.failed', undefined, { cause: error });
      }
      logger.info('Backup file imported', { source, id, sha256: inspection.sha256 });
      return publish(partialPath, id, inspection, { createdAt: createdAt.toISOString(), reason: 'imported', schemaVersion: inspection.header.schemaVersion, debtors: inspection.header.debtors });
    },
  };

  /** Reads a file from outside through to its end; a damaged or foreign one is refused with a message. */
  async function inspect(file: string, name: string): Promise<BackupInspection> {
    try {
      return await inspectBackupFile(file);
    } catch (error) {
      logger.warn('Backup file refused', { file, ...errorFields(error) });
      if (error instanceof BackupFileProblem && error.kind === 'damaged') throw new KredoError('backup.damaged', undefined, { cause: error });
      throw new KredoError('backup.notABackup', { file: name }, { cause: error });
    }
  }
}
