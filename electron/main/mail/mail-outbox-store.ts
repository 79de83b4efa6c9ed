import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from '../services/json-file';
import type { Logger } from '../services/logger';

/**
 * One message of the outbox. `sending` is written (and fsynced) before the SMTP transaction starts and
 * replaced by `sent`, `failed` or `queued` (to try again) when it ends; finding it at start therefore means
 * Kredo stopped during a transaction (mail-outbox.ts decides what that means).
 */
export const outboxRecordSchema = z.strictObject({
  key: z.string(),
  debtorId: z.string(),
  messageId: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  state: z.enum(['queued', 'sending', 'sent', 'failed', 'uncertain']),
  queuedAt: z.string(),
  /** Sequence within the outbox, so messages go in the order they were queued. */
  seq: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  /** Not before this instant (ISO): the back-off after a transient failure. */
  notBefore: z.string().optional(),
  finishedAt: z.string().optional(),
  code: z.string().optional(),
  response: z.string().optional(),
  /**
   * A failed or uncertain message already recorded on the debtor's timeline: kept (not forgotten like a sent
   * one) so the controller can see it in the outbox and send it again, until they do or remove it.
   */
  recorded: z.boolean().optional(),
});
export type OutboxRecord = z.output<typeof outboxRecordSchema>;

/**
 * The outbox on disk, in the main process's data folder: `mail-outbox/<hash of key>.eml` holds the exact
 * message bytes and `<hash>.json` its record. Each file is written whole (temporary file, fsync, rename), the
 * message (and `<hash>.letter`, what it was built from) before its record, so a record never points to a
 * half-written message; a message without a record
 * (Kredo stopped between the two writes) was never queued and is removed on opening.
 */
export class OutboxStore {
  private constructor(
    private readonly folder: string,
    private readonly logger: Logger,
  ) {}

  static async open(folder: string, logger: Logger): Promise<OutboxStore> {
    await mkdir(folder, { recursive: true });
    const store = new OutboxStore(folder, logger);
    const names = await readdir(folder);
    const records = new Set(names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)));
    for (const name of names) {
      const base = name.endsWith('.eml') ? name.slice(0, -4) : name.endsWith('.letter') ? name.slice(0, -7) : undefined;
      if (base !== undefined && !records.has(base)) await rm(path.join(folder, name), { force: true });
    }
    return store;
  }

  private base(key: string): string {
    return path.join(this.folder, createHash('sha256').update(key).digest('hex').slice(0, 40));
  }

  async get(key: string): Promise<OutboxRecord | undefined> {
    return readJsonFile(`${this.base(key)}.json`, outboxRecordSchema, this.logger);
  }

  async list(): Promise<OutboxRecord[]> {
    const names = (await readdir(this.folder)).filter((name) => name.endsWith('.json'));
    const records: OutboxRecord[] = [];
    for (const name of names) {
      const record = await readJsonFile(path.join(this.folder, name), outboxRecordSchema, this.logger);
      if (record) records.push(record);
    }
    return records.sort((a, b) => a.seq - b.seq);
  }

  /**
   * Queues a message; `letter` is what it was built from (JSON), kept beside it so a refused message can be
   * built again for a corrected address (mail-service.ts), written before the record like the message.
   */
  async add(record: OutboxRecord, message: Buffer, letter?: string): Promise<void> {
    if (letter !== undefined) await writeFileAtomic(`${this.base(record.key)}.letter`, letter, { fsync: true });
    await writeFileAtomic(`${this.base(record.key)}.eml`, message, { fsync: true });
    await writeJsonFileAtomic(`${this.base(record.key)}.json`, record);
  }

  async put(record: OutboxRecord): Promise<void> {
    await writeJsonFileAtomic(`${this.base(record.key)}.json`, record);
  }

  async message(key: string): Promise<Buffer> {
    return readFile(`${this.base(key)}.eml`);
  }

  /** What the message was built from, when it was queued with it. */
  async letter(key: string): Promise<string | undefined> {
    return readFile(`${this.base(key)}.letter`, 'utf8').catch(() => undefined);
  }

  /** Forgets a message: its record first, so a stop in between leaves only a message the next open removes. */
  async remove(key: string): Promise<void> {
    await rm(`${this.base(key)}.json`, { force: true });
    await rm(`${this.base(key)}.eml`, { force: true });
    await rm(`${this.base(key)}.letter`, { force: true });
  }
}
