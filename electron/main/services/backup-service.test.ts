import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupReason } from '../../../shared/ipc/contract';
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

const header = (debtors = 200, counts: Record<string, number> = { debtorChunks: 2 }) => `${JSON.stringify({ format: 'kredo-backup', formatVersion: 1, schemaVersion: 3, createdAt: '2026-11-24T09:00:00Z', reason: 'manual', counts, debtors })}\n`;
/** A whole backup as the data worker writes it: the header, then one line per record. */
const backupText = (debtors = 200) => `${header(debtors)}{"t":"debtorChunks","v":{"id":1}}\n{"t":"debtorChunks","v":{"id":2}}\n`;

async function writeBackup(service: Awaited<ReturnType<typeof openBackupService>>, bytes: Uint8Array, reason: BackupReason = 'manual') {
  const session = await service.begin({ reason, schemaVersion: 3, debtors: 200 });
  await service.append(session, bytes.subarray(0, 10));
  await service.append(session, bytes.subarray(10));
  return service.commit(session);
}

describe('backup service', () => {
  it('writes a backup in pieces, lists it with its facts and reads it back byte for byte', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const bytes = gzipSync(backupText());
    const info = await writeBackup(service, bytes);
    expect(info).toMatchObject({ reason: 'manual', schemaVersion: 3, counts: { debtorChunks: 2 }, debtors: 200, sizeBytes: bytes.length, createdAt: '2026-11-24T09:00:00.000Z' });
    // The manifest carries the file's hash, so a copy can be checked against it.
    expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await service.list()).toEqual([info]);
    const read = await service.read(info.id, 0);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    expect(read.nextOffset).toBeNull();
  });

  it('shows nothing of a backup that was never committed, and clears its remains on the next start', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const session = await service.begin({ reason: 'daily', schemaVersion: 3, debtors: 0 });
    await service.append(session, new Uint8Array([1, 2, 3]));
    expect(await service.list()).toEqual([]);
    await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    expect(await readdir(path.join(dir.path, 'backups'))).toEqual([]);
  });

  it('verifies a backup before it counts: a file that does not hold what its header says is discarded', async () => {
    const logger = createMemoryLogger();
    const service = await openBackupService({ userDataDir: dir.path, clock, logger });
    // Two records promised, one written: the restore would refuse it as damaged.
    const short = gzipSync(`${header()}{"t":"debtorChunks","v":{"id":1}}\n`);
    await expect(writeBackup(service, short)).rejects.toMatchObject({ code: 'backup.failed' });
    const full = gzipSync(backupText());
    const cut = full.subarray(0, full.length - 6);
    await expect(writeBackup(service, cut)).rejects.toMatchObject({ code: 'backup.failed' });
    const badLine = gzipSync(`${header(200, { debtorChunks: 1 })}{"t":"debtorChunks","v":{"id":1\n`);
    await expect(writeBackup(service, badLine)).rejects.toMatchObject({ code: 'backup.failed' });
    expect(await service.list()).toEqual([]);
    expect(await readdir(path.join(dir.path, 'backups'))).toEqual([]);
    expect(logger.entries.filter((entry) => entry.message === 'Backup failed its check and was discarded')).toHaveLength(3);
  });

  it('keeps daily backups 14 days, the first of each month a year, and the last before-migration and before-restore ones until replaced', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const made = new Map<string, string>();
    const plan: [string, BackupReason][] = [];
    // A year and more of daily backups (the 1st and the 15th of each month stand for every day)…
    for (let month = 0; month < 14; month += 1) {
      const first = Date.UTC(2025, 8 + month, 1, 9);
      plan.push([new Date(first).toISOString(), 'daily'], [new Date(first + 14 * 86_400_000).toISOString(), 'daily']);
    }
    // …then every day of the last three weeks, with storage updates, imports, restores and backups by hand.
    for (let day = 3; day <= 24; day += 1) plan.push([`2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`, 'daily']);
    plan.push(
      ['2026-03-10T09:00:00.000Z', 'before-migration'],
      ['2026-11-01T08:00:00.000Z', 'before-import'],
      ['2026-11-01T08:30:00.000Z', 'before-migration'],
      ['2026-11-05T10:00:00.000Z', 'before-restore'],
      ['2026-10-20T09:00:00.000Z', 'manual'],
      ['2026-11-15T10:00:00.000Z', 'before-restore'],
      ['2026-11-20T10:00:00.000Z', 'before-restore'],
      ['2026-11-23T11:00:00.000Z', 'before-import'],
      ['2026-11-24T09:30:00.000Z', 'manual'],
    );
    for (const [at, reason] of plan.sort(([a], [b]) => a.localeCompare(b))) {
      now = Date.parse(at);
      made.set(`${reason} ${at}`, (await writeBackup(service, gzipSync(backupText()), reason)).id);
    }

    const kept = new Set((await service.list()).map((backup) => backup.id));
    const keptKeys = [...made].filter(([, id]) => kept.has(id)).map(([key]) => key).sort();
    const lastFortnight = Array.from({ length: 14 }, (_, index) => `daily 2026-11-${String(11 + index).padStart(2, '0')}T09:00:00.000Z`);
    // The first daily backup of each of the last twelve months (November 2025's is over a year old).
    const monthly = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((month) => `daily ${month}-01T09:00:00.000Z`);
    monthly.push('daily 2026-11-03T09:00:00.000Z');
    expect(keptKeys).toEqual(
      [
        ...lastFortnight,
        ...monthly,
        // The newest of each; the older before-migration one was replaced more than 14 days ago.
        'before-migration 2026-11-01T08:30:00.000Z',
        'before-restore 2026-11-20T10:00:00.000Z',
        // Replaced, but not yet 14 days old.
        'before-restore 2026-11-15T10:00:00.000Z',
        'before-import 2026-11-23T11:00:00.000Z',
        'manual 2026-11-24T09:30:00.000Z',
      ].sort(),
    );
    // Nothing is left behind of the backups removed.
    expect((await readdir(path.join(dir.path, 'backups'))).length).toBe(kept.size * 2);
  });

  it('imports a backup file from elsewhere and exports one', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const outside = path.join(dir.path, 'from-old-laptop.kredobackup');
    await writeFile(outside, gzipSync(backupText(12)));
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

  // Each of these once left "Restore from a file" waiting for ever: the header reader waited for a line
  // that never came. They must end, with a message, within the test's ordinary timeout.
  it('refuses a damaged backup file brought in from elsewhere, and never waits for it for ever', async () => {
    const service = await openBackupService({ userDataDir: dir.path, clock, logger: createMemoryLogger() });
    const file = async (name: string, bytes: Uint8Array) => {
      const target = path.join(dir.path, name);
      await writeFile(target, bytes);
      return target;
    };
    await expect(service.importFrom(await file('empty-inside.kredobackup', gzipSync('')))).rejects.toMatchObject({ code: 'backup.notABackup', params: { file: 'empty-inside.kredobackup' } });
    await expect(service.importFrom(await file('no-line-end.kredobackup', gzipSync('{"format":"kredo-backup","schemaVersion":3')))).rejects.toMatchObject({ code: 'backup.notABackup' });
    const whole = gzipSync(backupText());
    await expect(service.importFrom(await file('cut-short.kredobackup', whole.subarray(0, whole.length - 6)))).rejects.toMatchObject({ code: 'backup.damaged' });
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 12]! ^= 0xff;
    await expect(service.importFrom(await file('flipped.kredobackup', flipped))).rejects.toMatchObject({ code: 'backup.damaged' });
    const missing = gzipSync(`${header()}{"t":"debtorChunks","v":{"id":1}}\n`);
    await expect(service.importFrom(await file('missing-record.kredobackup', missing))).rejects.toMatchObject({ code: 'backup.damaged' });
    expect(await service.list()).toEqual([]);
  });
});
