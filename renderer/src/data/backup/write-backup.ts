import Dexie, { type IndexableType, type Table } from 'dexie';
import type { BackupInfo, BackupReason } from '../../../../shared/ipc/contract';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, bytesToBase64, encodeTyped, type BackupHeader } from './backup-format';

/** Where a backup's bytes go: the main process, which writes the file (see backup-service.ts). */
export interface BackupSink {
  begin(meta: { reason: BackupReason; schemaVersion: number; counts: Record<string, number>; debtors: number }): Promise<string>;
  append(sessionId: string, pieceBase64: string): Promise<void>;
  commit(sessionId: string): Promise<BackupInfo>;
  abort(sessionId: string): Promise<void>;
}

/** Pieces sent to the main process: large enough to be few, small enough for any IPC message. */
const PIECE_BYTES = 6 * 1024 * 1024;
/** Records read per batch: the ledger chunks are large, so a batch stays a few tens of MB. */
const READ_BATCH = 50;

/** Reads a table in primary-key order, a batch at a time (keyset paging: no offset to re-scan). */
async function* readInBatches(table: Table<object>): AsyncGenerator<object[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (keyPath === undefined || keyPath === null) throw new Error(`Table ${table.name} has no inbound primary key`);
  const keyOf = (record: object): IndexableType =>
    (Array.isArray(keyPath) ? keyPath.map((part) => Dexie.getByKeyPath(record, part)) : Dexie.getByKeyPath(record, keyPath)) as IndexableType;
  let batch = await table.orderBy(':id').limit(READ_BATCH).toArray();
  while (batch.length > 0) {
    yield batch;
    if (batch.length < READ_BATCH) return;
    batch = await table.where(':id').above(keyOf(batch[batch.length - 1]!)).limit(READ_BATCH).toArray();
  }
}

/**
 * Streams every table of a Dexie database into a compressed backup, piece by piece, without ever holding
 * the whole store in memory. Works on any database (also an older schema version opened without a schema,
 * for the backup taken before a migration). On any failure the half-written backup is discarded.
 */
export async function writeBackup(db: Dexie, options: { reason: BackupReason; createdAt: string; debtors: number; tableOrder?: readonly string[]; sink: BackupSink }): Promise<BackupInfo> {
  const tables = [...db.tables].sort((a, b) => order(options.tableOrder, a.name) - order(options.tableOrder, b.name));
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table.name] = await table.count();
  const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: db.verno, createdAt: options.createdAt, reason: options.reason, counts, debtors: options.debtors };

  const { sink } = options;
  const sessionId = await sink.begin({ reason: options.reason, schemaVersion: db.verno, counts, debtors: options.debtors });
  try {
    const compressor = new CompressionStream('gzip');
    const writer = compressor.writable.getWriter();
    const forwarding = forwardPieces(compressor.readable, (piece) => sink.append(sessionId, bytesToBase64(piece)));
    const encoder = new TextEncoder();
    await writer.write(encoder.encode(`${JSON.stringify(header)}\n`));
    for (const table of tables) {
      for await (const batch of readInBatches(table)) {
        await writer.write(encoder.encode(batch.map((value) => `${JSON.stringify({ t: table.name, v: value }, encodeTyped)}\n`).join('')));
      }
    }
    await writer.close();
    await forwarding;
    return await sink.commit(sessionId);
  } catch (error) {
    await sink.abort(sessionId).catch(() => undefined);
    throw error;
  }
}

function order(tableOrder: readonly string[] | undefined, name: string): number {
  const index = tableOrder?.indexOf(name) ?? -1;
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

async function forwardPieces(stream: ReadableStream<Uint8Array>, send: (piece: Uint8Array) => Promise<void>): Promise<void> {
  const reader = stream.getReader();
  let buffered: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const piece = new Uint8Array(size);
    let offset = 0;
    for (const part of buffered) {
      piece.set(part, offset);
      offset += part.length;
    }
    buffered = [];
    size = 0;
    await send(piece);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered.push(value);
    size += value.length;
    if (size >= PIECE_BYTES) await flush();
  }
  await flush();
}
