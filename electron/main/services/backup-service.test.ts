import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../shared/time/clock';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { openBackupService } from './backup-service';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let now = Date.parse('2026-11-24T09:00:00Z');
const clock: Clock = { now: () => new Date(now), today: () => new Date(now).toISOString().slice(0, 10) as never };

beforeEach(async () => {
  dir = await makeTempDir();
  now = Date.parse('2026-11-24T09:00:00Z');
});
afterEach(async () => {
  await dir.remove();
});

const header = (debtors = 200) => `${JSON.stringify({ format: 'kredo-backup', formatVersion: 1, schemaVersion: 3, createdAt: '2026-11-24T09:00:00Z', reason: 'manual', counts: { debtorChunks: 2 }, debtors })}\n`;

async function writeBackup(service: Awaited<ReturnType<typeof openBackupService>>, bytes: Uint8Array, reason: 'daily' | 'manual' = 'manual') {
  const session = await service.begin({ reason, schemaVersion: 3, counts: { debtorChunks: 2 }, debtors: 200 });
  await service.append(session, bytes.subarray(0, 10));
  await service.append(session, bytes.subarray(10));
  return service.commit(session);
}

describe('backup service', () => {
  it('writes a backup in pieces, lists it with its facts and reads it back byte for byte', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const bytes = gzipSync(header());
    const info = await writeBackup(service, bytes);
    expect(info).toMatchObject({ reason: 'manual', schemaVersion: 3, counts: { debtorChunks: 2 }, debtors: 200, sizeBytes: bytes.length, createdAt: '2026-11-24T09:00:00.000Z' });
    expect(await service.list()).toEqual([info]);
    const read = await service.read(info.id, 0);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    expect(read.nextOffset).toBeNull();
  });

  it('shows nothing of a backup that was never committed, and clears its remains on the next start', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const session = await service.begin({ reason: 'daily', schemaVersion: 3, counts: {}, debtors: 0 });
    await service.append(session, new Uint8Array([1, 2, 3]));
    expect(await service.list()).toEqual([]);
    await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    expect(await readdir(path.join(dir.path, 'backups'))).toEqual([]);
  });

  it('keeps only the newest backups', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger(), keep: 3 });
    const made = [];
    for (let day = 0; day < 5; day += 1) {
      now += 86_400_000;
      made.push(await writeBackup(service, gzipSync(header()), 'daily'));
    }
    expect((await service.list()).map((backup) => backup.id)).toEqual(made.slice(2).reverse().map((backup) => backup.id));
    expect((await readdir(path.join(dir.path, 'backups'))).length).toBe(6);
  });

  it('imports a backup file from elsewhere and exports one', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const outside = path.join(dir.path, 'from-old-laptop.kredobackup');
    await writeFile(outside, gzipSync(`${header(12)}{"t":"debtorChunks","v":{}}\n`));
    const imported = await service.importFrom(outside);
    expect(imported).toMatchObject({ reason: 'imported', debtors: 12, schemaVersion: 3 });
    const target = path.join(dir.path, 'exported.kredobackup');
    await service.exportTo(imported.id, target);
    expect((await readFile(target)).equals(await readFile(outside))).toBe(true);
  });

  it('refuses files that are not Kredo backups, and unknown ids', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const plain = path.join(dir.path, 'notes.txt');
    await writeFile(plain, 'just some text');
    await expect(service.importFrom(plain)).rejects.toMatchObject({ code: 'backup.notABackup', params: { file: 'notes.txt' } });
    const otherGzip = path.join(dir.path, 'other.gz');
    await writeFile(otherGzip, gzipSync('{"format":"something-else"}\n'));
    await expect(service.importFrom(otherGzip)).rejects.toMatchObject({ code: 'backup.notABackup' });
    await expect(service.read('../../etc/passwd', 0)).rejects.toMatchObject({ code: 'backup.notFound' });
    await expect(service.append('no-such-session', new Uint8Array([1]))).rejects.toMatchObject({ code: 'backup.sessionExpired' });
  });
});
