import { open } from 'node:fs/promises';

/** Flushes a file's bytes to the disk, so a power cut after this cannot leave it shorter or stale. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's entries (a rename into it, a new file), as SQLite does after a rename: on POSIX a
 * renamed file is only durably there once its folder is synced. Windows cannot open a folder this way and
 * makes a rename durable itself (NTFS journals metadata), so the errors it gives are ignored there.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}
