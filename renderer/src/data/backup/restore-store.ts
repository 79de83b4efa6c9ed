import Dexie from 'dexie';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { DunningAction } from '../../../../shared/domain/dunning/dunning-action';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { KredoDb } from '../db/kredo-db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../db/migrations';
import { TABLE_NAMES, type MetaEntry, type StoredDocument } from '../db/schema';
import { NUMBER_OVERLAYS_TABLE, TEXT_OVERLAYS_TABLE } from '../db/ledger-overlays-middleware';
import { LAST_LETTER_NUMBER_KEY } from '../dunning/letter-number';
import type { ParsedBackup } from './read-backup';

const WRITE_BATCH = 2_000;

/**
 * What bank imports booked beside the ledger chunks (ledger-overlay.ts): a backup reads each chunk with its
 * overlay folded in, so the chunks it restores hold those bookings already. Restoring the overlays too would
 * fold them in a second time (every payment of the import booked twice): they are left out.
 */
const FOLDED_IN_BACKUP: ReadonlySet<string> = new Set([NUMBER_OVERLAYS_TABLE, TEXT_OVERLAYS_TABLE]);

/**
 * Whether a backup of an older schema can be restored as it is: when every version since only added
 * tables (no upgrade moved data, none dropped a table), those tables simply start empty — or are derived by
 * the store's middlewares as the restore writes their sources, for an upgrade that only derives. Anything else
 * would need the old version's upgrade run over the backup, which Kredo does not do.
 */
export function canRestoreSchema(version: number): boolean {
  if (version === LATEST_SCHEMA_VERSION) return true;
  if (version > LATEST_SCHEMA_VERSION) return false;
  return MIGRATIONS.filter((migration) => migration.version > version).every((migration) => (!migration.upgrade || migration.upgradeDerivesOnly === true) && Object.values(migration.stores).every((definition) => definition !== null));
}

/**
 * Replaces the store's contents with a backup's, in one transaction: it either all happens or, on any
 * failure (or the app closing half-way), the store stays as it was. The audit trail is append-only, so it
 * is not replaced: entries the store lacks are added from the backup, and the restore itself is recorded.
 *
 * Two more things a restore cannot take back, because they left Kredo (issue 16, item 2):
 * - what was e-mailed to a debtor. The outbox (main process, mail-outbox-store.ts) is not in backups: it
 *   holds only messages on their way and forgets each once its outcome is kept on the letter — restored on
 *   another computer or over a newer store it would send letters a second time. The evidence is the kept
 *   letter or statement (`eml` as sent, `mail` with its Message-ID and outcome) and the audit line; so a
 *   letter the store holds as sent, refused or uncertain keeps that outcome and message over the backup's
 *   copy (still queued when the backup was made), and is kept even when the backup predates it — with its
 *   dunning step done, so the worklist does not plan the letter again (keepStepsDone).
 * - the letter numbers given: a letter printed or e-mailed after the backup quotes its payment reference,
 *   so the counter never goes back (letter-number.ts) and the numbers of the letters kept here stay theirs.
 */
export async function restoreStore(db: KredoDb, backup: ParsedBackup, entry: Omit<AuditEntry, 'seq'>): Promise<void> {
  if (!canRestoreSchema(backup.header.schemaVersion)) throw new KredoError('backup.schemaMismatch');
  const unknown = [...backup.tables.keys()].filter((name) => !(TABLE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new KredoError('backup.damaged');

  await db.transaction('rw', db.tables, async () => {
    const sent = await mailEvidence(db);
    const steps = await stepsOf(db, sent);
    const numbers = await db.meta.where('key').startsWith('letters.').toArray();
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
      if (FOLDED_IN_BACKUP.has(name)) continue;
      for (let start = 0; start < records.length; start += WRITE_BATCH) await table.bulkPut(records.slice(start, start + WRITE_BATCH));
    }
    await keepMailEvidence(db, sent);
    await keepStepsDone(db, steps);
    await keepLetterNumbers(db, numbers);
    await db.audit.add(entry);
  });
}

const hasOutcome = (document: StoredDocument | undefined): boolean => document?.mail !== undefined && document.mail.state !== 'queued';

/** The letters and statements whose e-mail was sent, refused or found uncertain: what the debtor may hold. */
async function mailEvidence(db: KredoDb): Promise<StoredDocument[]> {
  const found: StoredDocument[] = [];
  await db.documents.each((document) => {
    if (hasOutcome(document)) found.push(document);
  });
  return found;
}

async function keepMailEvidence(db: KredoDb, sent: readonly StoredDocument[]): Promise<void> {
  for (const document of sent) {
    const restored = await db.documents.get(document.id);
    if (hasOutcome(restored)) continue;
    const { eml, mail } = document;
    await db.documents.put(restored ? { ...restored, ...(eml !== undefined && { eml }), ...(mail && { mail }) } : document);
  }
}

/** The dunning steps recorded done whose letter is kept as e-mailed (sent, refused or uncertain). */
async function stepsOf(db: KredoDb, sent: readonly StoredDocument[]): Promise<DunningAction[]> {
  const actions = await db.dunningActions.bulkGet([...new Set(sent.map((document) => document.actionId))]);
  return actions.filter((action): action is DunningAction => action?.status === 'done');
}

/**
 * A letter kept as e-mailed keeps its step done: the worklist plans from the steps (dunningActions) and the
 * timeline shows them, so a step taken back to planned would put the letter on the Dunning worklist again —
 * processing it would e-mail it a second time under a new Message-ID over the kept copy. The letter and its
 * step are one fact, and the store's (newer) record of it wins over the backup's.
 */
async function keepStepsDone(db: KredoDb, steps: readonly DunningAction[]): Promise<void> {
  const restored = await db.dunningActions.bulkGet(steps.map((action) => action.id));
  const back = steps.filter((_, index) => restored[index]?.status !== 'done');
  if (back.length > 0) await db.dunningActions.bulkPut(back);
}

/** The letter counter at the higher of the store's and the backup's; each number given stays its letter's. */
async function keepLetterNumbers(db: KredoDb, before: readonly MetaEntry[]): Promise<void> {
  for (const record of before) {
    const restored = await db.meta.get(record.key);
    if (record.key === LAST_LETTER_NUMBER_KEY) {
      if (typeof record.value === 'number' && !(typeof restored?.value === 'number' && restored.value >= record.value)) await db.meta.put(record);
    } else if (record.key.startsWith('letters.number:') && restored === undefined) {
      await db.meta.put(record);
    }
  }
}
