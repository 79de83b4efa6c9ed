import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../services/logger';

/** Where imported files from the watched folder are moved, so they are not picked up again. */
export const IMPORTED_SUBFOLDER = 'imported';

/**
 * Watches a folder (an ERP's or bank's export target) for new files and reports each once it is fully
 * written (chokidar's awaitWriteFinish: the size has been stable for a second), so a file still being
 * copied is never read half. Only files directly in the folder count; imported ones are moved to an
 * `imported` subfolder.
 */
export function watchImportFolder(folder: string, onFile: (filePath: string) => void, logger: Logger): { close(): Promise<void> } {
  const watcher: FSWatcher = watch(folder, {
    depth: 0,
    ignoreInitial: false,
    awaitWriteFinish: { stabilityThreshold: 1_000, pollInterval: 200 },
    ignored: (candidate, stats) => path.basename(candidate).startsWith('.') || (stats?.isDirectory() === true && candidate !== folder),
  });
  watcher.on('add', (filePath) => {
    if (path.dirname(filePath) === folder) onFile(filePath);
  });
  watcher.on('error', (error) => logger.warn('Watched import folder error', { folder, error: String(error) }));
  logger.info('Watching import folder', { folder });
  return { close: () => watcher.close() };
}

/** Moves a file the user imported out of the watched folder, keeping its name unique. */
export async function moveToImported(filePath: string): Promise<string> {
  const target = path.join(path.dirname(filePath), IMPORTED_SUBFOLDER);
  await mkdir(target, { recursive: true });
  let destination = path.join(target, path.basename(filePath));
  for (let attempt = 2; await stat(destination).then(() => true, () => false); attempt += 1) {
    const { name, ext } = path.parse(filePath);
    destination = path.join(target, `${name} (${attempt})${ext}`);
  }
  await rename(filePath, destination);
  return destination;
}
