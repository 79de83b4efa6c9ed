import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * A copy of a user-data folder (profile, settings, backups) for an app to start from: a test on the prepared
 * demo (fixtures.ts), a process-kill trial. Without Chromium's profile lock and DevTools port file, which
 * belong to the process that last had it open.
 */
export async function copyUserData(template: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  await cp(template, target, { recursive: true, verbatimSymlinks: true, filter: (source) => !/^(Singleton|DevToolsActivePort$)/.test(path.basename(source)) });
}
