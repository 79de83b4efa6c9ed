import type { IsoDate } from '../../../../../shared/time/iso-date';
import { DATA_TIERS, DEMO_SEED } from '../../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../../shared/generator/plan-portfolio';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from '../../backup/backup-format';
import type { ParsedBackup } from '../../backup/read-backup';
import { replacePortfolio } from '../../store/replace-portfolio';
import { KredoDb } from '../kredo-db';
import { TABLE_NAMES } from '../schema';
import { MIGRATIONS } from './index';

/** For a migration's test: a store at schema version `version` holding the demo portfolio of `today`. */
export async function demoStoreAt(name: string, version: number, today: IsoDate): Promise<KredoDb> {
  const db = new KredoDb(name, MIGRATIONS.filter((migration) => migration.version <= version));
  const policy = generatePolicy(today);
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
  const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
  await replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at: `${today}T09:00:00.000Z`, source: 'demo' });
  return db;
}

/** What a backup of the store holds, as a restore reads it: every table as read (chunks with their deltas and overlays folded in). */
export async function backupOf(db: KredoDb, today: IsoDate): Promise<ParsedBackup> {
  const tables = new Map<string, unknown[]>();
  for (const name of TABLE_NAMES) tables.set(name, await db.table(name).toArray());
  const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: db.verno, createdAt: `${today}T10:00:00.000Z`, reason: 'manual', counts: Object.fromEntries([...tables].map(([name, records]) => [name, records.length])), debtors: 200 };
  return { header, tables };
}
