import Dexie from 'dexie';
import type { BackupInfo } from '../../../../shared/ipc/contract';
import type { KredoDb } from '../db/kredo-db';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { TABLE_NAMES } from '../db/schema';
import { readBackup, type BackupSource } from '../backup/read-backup';
import { restoreStore } from '../backup/restore-store';
import { writeBackup, type BackupSink } from '../backup/write-backup';

/**
 * When the stored database is of an older schema version than this Kredo's, backs it up as it is before
 * the upgrade runs (opening it without a schema, so nothing is migrated yet). Dexie's version numbers are
 * IndexedDB's divided by ten.
 */
export async function backupBeforeMigration(storeName: string, at: string, sink: BackupSink): Promise<BackupInfo | undefined> {
  const existing = (await indexedDB.databases()).find((database) => database.name === storeName);
  const version = existing?.version ? existing.version / 10 : 0;
  if (version <= 0 || version >= LATEST_SCHEMA_VERSION) return undefined;
  const old = new Dexie(storeName);
  try {
    await old.open();
    const debtors = old.tables.some((table) => table.name === 'debtors') ? await old.table('debtors').count() : 0;
    return await writeBackup(old, { reason: 'before-migration', createdAt: at, debtors, sink });
  } finally {
    old.close();
  }
}

/** How many debtors the store holds, from its portfolio summary. */
async function debtorCount(db: KredoDb): Promise<number> {
  return (await db.portfolio.get('current'))?.debtorCount ?? 0;
}

export async function backupStore(db: KredoDb, reason: 'daily' | 'manual' | 'before-import', at: string, sink: BackupSink): Promise<BackupInfo> {
  return writeBackup(db, { reason, createdAt: at, debtors: await debtorCount(db), tableOrder: TABLE_NAMES, sink });
}

/**
 * Restores a backup: reads and checks the whole file first, backs up the current data (so the restore can
 * be undone), then replaces the store in one transaction.
 */
export async function restoreFromBackup(db: KredoDb, request: { backupId: string; at: string }, source: BackupSource, sink: BackupSink): Promise<{ debtors: number }> {
  const parsed = await readBackup(source);
  // Whatever the store still holds, even a damaged remainder, is kept; only an empty store is not backed up.
  const holdsData = (await Promise.all(TABLE_NAMES.filter((name) => name !== 'audit').map((name) => db.table(name).count()))).some((count) => count > 0);
  if (holdsData) await writeBackup(db, { reason: 'before-restore', createdAt: request.at, debtors: await debtorCount(db), tableOrder: TABLE_NAMES, sink });
  await restoreStore(db, parsed, {
    at: request.at,
    actor: 'user',
    action: 'backup.restored',
    entityType: 'backup',
    entityId: request.backupId,
    details: { createdAt: parsed.header.createdAt, debtors: parsed.header.debtors },
  });
  return { debtors: await debtorCount(db) };
}
