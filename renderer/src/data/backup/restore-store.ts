import Dexie from 'dexie';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { KredoDb } from '../db/kredo-db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../db/migrations';
import { TABLE_NAMES } from '../db/schema';
import type { ParsedBackup } from './read-backup';

const WRITE_BATCH = 2_000;

/**
 * Whether a backup of an older schema can be restored as it is: when every version since only added
 * tables (no upgrade moved data, none dropped a table), those tables simply start empty. Anything else
 * would need the old version's upgrade run over the backup, which Kredo does not do.
 */
export function canRestoreSchema(version: number): boolean {
  if (version === LATEST_SCHEMA_VERSION) return true;
  if (version > LATEST_SCHEMA_VERSION) return false;
  return MIGRATIONS.filter((migration) => migration.version > version).every((migration) => !migration.upgrade && Object.values(migration.stores).every((definition) => definition !== null));
}

/**
 * Replaces the store's contents with a backup's, in one transaction: it either all happens or, on any
 * failure (or the app closing half-way), the store stays as it was. The audit trail is append-only, so it
 * is not replaced: entries the store lacks are added from the backup, and the restore itself is recorded.
 */
export async function restoreStore(db: KredoDb, backup: ParsedBackup, entry: Omit<AuditEntry, 'seq'>): Promise<void> {
  if (!canRestoreSchema(backup.header.schemaVersion)) throw new KredoError('backup.schemaMismatch');
  const unknown = [...backup.tables.keys()].filter((name) => !(TABLE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new KredoError('backup.damaged');

  await db.transaction('rw', db.tables, async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name);
      const records = backup.tables.get(name) ?? [];
      if (name === 'audit') {
        for (let start = 0; start < records.length; start += WRITE_BATCH) {
          await table.bulkAdd(records.slice(start, start + WRITE_BATCH)).catch(Dexie.BulkError, () => undefined);
        }
        continue;
      }
      await table.clear();
      for (let start = 0; start < records.length; start += WRITE_BATCH) await table.bulkPut(records.slice(start, start + WRITE_BATCH));
    }
    await db.audit.add(entry);
  });
}
