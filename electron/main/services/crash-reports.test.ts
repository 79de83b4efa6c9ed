import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createCrashReports } from './crash-reports';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await dir.remove();
});

describe('crash reports kept on this computer', () => {
  it('counts none before Crashpad has made its folder, and none for its bookkeeping files alone', async () => {
    const reports = createCrashReports(path.join(dir.path, 'Crashpad'));
    expect(await reports.count()).toBe(0);
    await mkdir(path.join(dir.path, 'Crashpad', 'completed'), { recursive: true });
    await writeFile(path.join(dir.path, 'Crashpad', 'settings.dat'), 'x');
    await writeFile(path.join(dir.path, 'Crashpad', 'completed', 'report.meta'), 'x');
    expect(await reports.count()).toBe(0);
  });

  it('counts the minidumps in Crashpad’s subfolders (completed, pending, and reports on Windows)', async () => {
    const folder = path.join(dir.path, 'Crashpad');
    for (const sub of ['completed', 'pending', 'reports']) await mkdir(path.join(folder, sub), { recursive: true });
    await writeFile(path.join(folder, 'completed', '5856f335-ec64.dmp'), 'MDMP');
    await writeFile(path.join(folder, 'pending', '6a1b.dmp'), 'MDMP');
    await writeFile(path.join(folder, 'reports', '77c0.DMP'), 'MDMP');
    const reports = createCrashReports(folder);
    expect(reports.folder).toBe(folder);
    expect(await reports.count()).toBe(3);
  });
});
