import { readdirSync, watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What a backups folder holds: the backups the app lists (by manifest), and leftovers. */
export interface BackupFolder {
  readonly listed: readonly { readonly id: string; readonly reason: string; readonly problem?: string }[];
  readonly partials: readonly string[];
}

/**
 * Checks every backup the app would list (each `.kredobackup.json` manifest) the way a restore reads it:
 * the whole gzip stream decompresses, its header's counts match the manifest's, and each table has exactly
 * as many records as counted. A problem is named per backup.
 */
export async function inspectBackups(userDataDir: string): Promise<BackupFolder> {
  const folder = path.join(userDataDir, 'backups');
  const files = await readdir(folder).catch(() => [] as string[]);
  const listed: { id: string; reason: string; problem?: string }[] = [];
  for (const manifest of files.filter((file) => file.endsWith('.kredobackup.json'))) {
    const info = JSON.parse(await readFile(path.join(folder, manifest), 'utf8')) as { id: string; reason: string; counts: Record<string, number> };
    let problem: string | undefined;
    try {
      const lines = gunzipSync(await readFile(path.join(folder, manifest.replace(/\.json$/, '')))).toString('utf8').split('\n').filter((line) => line.length > 0);
      const header = JSON.parse(lines[0]!) as { counts: Record<string, number> };
      const found: Record<string, number> = {};
      for (const line of lines.slice(1)) {
        const table = (JSON.parse(line) as { t?: unknown }).t;
        if (typeof table === 'string') found[table] = (found[table] ?? 0) + 1;
      }
      const nonEmpty = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
      if (JSON.stringify(nonEmpty(header.counts)) !== JSON.stringify(nonEmpty(info.counts))) problem = 'header and manifest disagree';
      else if (JSON.stringify(Object.entries(nonEmpty(found)).sort()) !== JSON.stringify(Object.entries(nonEmpty(header.counts)).sort())) problem = 'records missing';
    } catch (error) {
      problem = `unreadable: ${error instanceof Error ? error.message : String(error)}`;
    }
    listed.push({ id: info.id, reason: info.reason, ...(problem !== undefined && { problem }) });
  }
  return { listed, partials: files.filter((file) => file.endsWith('.partial')) };
}

/** A condition on the backups folder: its path and the names of the files in it. */
export type BackupsCondition = (folder: string, files: readonly string[]) => boolean;

/**
 * Resolves as soon as `condition` holds for the user-data folder's backups (looked at on every change the
 * file system reports, and every 5 ms besides); `cancel` stops looking.
 */
export function whenBackups(userDataDir: string, condition: BackupsCondition): { readonly promise: Promise<void>; readonly cancel: () => void } {
  const folder = path.join(userDataDir, 'backups');
  let cancel = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    const check = () => {
      try {
        if (condition(folder, readdirSync(folder))) done();
      } catch {
        // A file vanished between listing and looking at it: look again.
      }
    };
    const watcher = watch(folder, check);
    const timer = setInterval(check, 5);
    const done = () => {
      watcher.close();
      clearInterval(timer);
      resolve();
    };
    cancel = done;
  });
  return { promise, cancel };
}
