import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, copyFile, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { KredoError } from '../../../shared/errors/kredo-error';
import { backupInfoSchema, type BackupInfo, type BackupReason } from '../../../shared/ipc/contract';
import type { Clock } from '../../../shared/time/clock';
import { writeJsonFileAtomic } from './json-file';
import type { Logger } from './logger';

const EXTENSION = '.kredobackup';
/** Backups kept in the folder; older ones are removed after each new one. */
export const DEFAULT_BACKUPS_KEPT = 14;
/** Largest backup file accepted from outside: far above tier L (about 60 MB compressed). */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;
/** How much of a backup one read returns (9 MB, 12 MB once in base64). */
const READ_PIECE_BYTES = 9 * 1024 * 1024;

interface Session {
  readonly partialPath: string;
  readonly reason: BackupReason;
  readonly schemaVersion: number;
  readonly counts: Record<string, number>;
  readonly debtors: number;
  readonly createdAt: Date;
}

export interface BackupService {
  readonly folder: string;
  begin(meta: { reason: BackupReason; schemaVersion: number; counts: Record<string, number>; debtors: number }): Promise<string>;
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
 * Backup files under `<user data>/backups`. The main process stores and lists them but never parses the
 * store's contents: the renderer's data layer writes and reads the format (gzip'd JSON lines). A backup is
 * written to a `.partial` file and only renamed into place when complete, so a crash mid-backup leaves no
 * half backup that looks whole. Each file has a small JSON manifest beside it for the list.
 */
export async function openBackupService(options: { userDataDir: string; clock: Clock; logger: Logger; keep?: number; onChange?: () => void }): Promise<BackupService> {
  const folder = path.join(options.userDataDir, 'backups');
  const keep = options.keep ?? DEFAULT_BACKUPS_KEPT;
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
    for (const old of (await list()).slice(keep)) {
      await rm(fileOf(old.id), { force: true });
      await rm(`${fileOf(old.id)}.json`, { force: true });
      logger.info('Old backup removed', { id: old.id });
    }
  }

  async function finish(id: string, info: Omit<BackupInfo, 'sizeBytes' | 'id' | 'fileName'>): Promise<BackupInfo> {
    const file = fileOf(id);
    const complete: BackupInfo = { id, fileName: path.basename(file), sizeBytes: (await stat(file)).size, ...info };
    await writeJsonFileAtomic(`${file}.json`, complete);
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
      await rename(session.partialPath, fileOf(id));
      const info = await finish(id, { createdAt: session.createdAt.toISOString(), reason: session.reason, schemaVersion: session.schemaVersion, counts: session.counts, debtors: session.debtors });
      logger.info('Backup written', { id, reason: info.reason, sizeBytes: info.sizeBytes });
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
      await copyFile(fileOf(id), target);
      logger.info('Backup exported', { id, target });
    },
    async importFrom(source) {
      const size = (await stat(source)).size;
      if (size > MAX_IMPORT_BYTES) throw new KredoError('backup.tooLarge', { file: path.basename(source) });
      const header = await readBackupHeader(source).catch(() => undefined);
      if (!header) throw new KredoError('backup.notABackup', { file: path.basename(source) });
      const createdAt = options.clock.now();
      const id = `kredo-${stamp(createdAt)}-imported-${randomUUID().slice(0, 8)}`;
      await copyFile(source, fileOf(id));
      logger.info('Backup file imported', { source, id });
      return finish(id, { createdAt: createdAt.toISOString(), reason: 'imported', schemaVersion: header.schemaVersion, counts: header.counts, debtors: header.debtors });
    },
  };
}

const headerSchema = z.object({
  format: z.literal('kredo-backup'),
  schemaVersion: z.number().int().positive(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  debtors: z.number().int().nonnegative().default(0),
});

/**
 * Reads the first line of a backup (its header) by decompressing only as much as needed, so a file that is
 * not a Kredo backup is refused before anything touches the store.
 */
export function readBackupHeader(file: string): Promise<z.output<typeof headerSchema>> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(file, { start: 0, end: 4 * 1024 * 1024 });
    const gunzip = createGunzip();
    let text = '';
    const stop = (result: () => void) => {
      input.destroy();
      gunzip.destroy();
      result();
    };
    gunzip.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const newline = text.indexOf('\n');
      if (newline < 0 && text.length < 64 * 1024) return;
      try {
        const header = headerSchema.parse(JSON.parse(newline < 0 ? text : text.slice(0, newline)));
        stop(() => resolve(header));
      } catch (error) {
        stop(() => reject(error));
      }
    });
    gunzip.on('error', (error) => stop(() => reject(error)));
    input.on('error', (error) => stop(() => reject(error)));
    input.pipe(gunzip);
  });
}
