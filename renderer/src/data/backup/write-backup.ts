import Dexie, { type IndexableType, type Table } from 'dexie';
import type { BackupInfo, BackupReason } from '../../../../shared/ipc/contract';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, bytesToBase64, encodeTyped, type BackupHeader } from './backup-format';

/** Where a backup's bytes go: the main process, which writes the file and checks it (backup-service.ts). */
export interface BackupSink {
  begin(meta: { reason: BackupReason; schemaVersion: number; debtors: number }): Promise<string>;
  append(sessionId: string, pieceBase64: string): Promise<void>;
  commit(sessionId: string): Promise<BackupInfo>;
  abort(sessionId: string): Promise<void>;
}

/** Pieces sent to the main process: large enough to be few, small enough for any IPC message. */
const PIECE_BYTES = 6 * 1024 * 1024;
/** Records read per batch: the ledger chunks are large, so a batch stays a few tens of MB. */
const READ_BATCH = 50;
/** How far compression may fall behind reading (text not yet compressed) before reading waits for it. */
const BACKLOG_BYTES = 32 * 1024 * 1024;

export interface WriteBackupOptions {
  readonly reason: BackupReason;
  readonly createdAt: string;
  readonly debtors: number;
  readonly tableOrder?: readonly string[];
  readonly sink: BackupSink;
  /** See BACKLOG_BYTES; tests make it tiny to exercise the wait. */
  readonly backlogBytes?: number;
}

/**
 * Streams every table of a Dexie database into a compressed backup, piece by piece, without ever holding
 * the whole store in memory. Works on any database (also an older schema version opened without a schema,
 * for the backup taken before a migration). On any failure the half-written backup is discarded.
 *
 * The store is read in ONE read-only transaction over all its tables, so the backup is one moment's state
 * and its header's counts (taken in the same transaction) are exactly the records written — the data
 * worker's lock keeps its own writers out, but the UI thread writes too (a note, a saved view), and
 * between separate reads such a write made a backup that was written "successfully" and then refused as
 * damaged on restore. IndexedDB lets no read-write transaction on these tables run until this one ends, so
 * a note saved meanwhile waits for the backup (seconds at tier L) instead of slipping in half-way.
 *
 * A transaction ends when its code awaits anything but IndexedDB, so inside it the batches are handed to
 * the compressor without awaiting it; compressed pieces go to the main process from outside the
 * transaction. Only when compression falls BACKLOG_BYTES behind does reading wait, with Dexie.waitFor
 * (which keeps the transaction alive with dummy requests — costly, hence only then).
 */
export async function writeBackup(db: Dexie, options: WriteBackupOptions): Promise<BackupInfo> {
  const tables = [...db.tables].sort((a, b) => order(options.tableOrder, a.name) - order(options.tableOrder, b.name));
  const { sink } = options;
  const sessionId = await sink.begin({ reason: options.reason, schemaVersion: db.verno, debtors: options.debtors });
  const compressor = new CompressionStream('gzip');
  const writer = compressor.writable.getWriter();
  const sending = sendPieces(compressor.readable, (piece) => sink.append(sessionId, bytesToBase64(piece)));
  // Awaited below; this only keeps a failure seen first elsewhere from being reported as unhandled.
  sending.done.catch(() => undefined);
  try {
    const header: Omit<BackupHeader, 'counts'> = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: db.verno, createdAt: options.createdAt, reason: options.reason, debtors: options.debtors };
    await db.transaction('r', tables, () => writeSnapshot(tables, header, writer, sending, options.backlogBytes ?? BACKLOG_BYTES));
    await writer.close();
    await sending.done;
    return await sink.commit(sessionId);
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    await sink.abort(sessionId).catch(() => undefined);
    throw error;
  }
}

/** Runs inside the read transaction: only IndexedDB requests are awaited (and Dexie.waitFor). */
async function writeSnapshot(tables: readonly Table[], header: Omit<BackupHeader, 'counts'>, writer: WritableStreamDefaultWriter<BufferSource>, sending: PieceSender, backlogLimit: number): Promise<void> {
  const encoder = new TextEncoder();
  let backlog = 0;
  let lastWrite: Promise<void> = Promise.resolve();
  const write = async (text: string) => {
    if (sending.failure) throw sending.failure.error;
    const bytes = encoder.encode(text);
    backlog += bytes.length;
    lastWrite = writer.write(bytes).then(() => {
      backlog -= bytes.length;
    });
    // A failed write fails the writer's close, awaited after the transaction.
    lastWrite.catch(() => undefined);
    if (backlog > backlogLimit) await Dexie.waitFor(lastWrite);
  };

  const counts: Record<string, number> = {};
  for (const table of tables) counts[table.name] = await table.count();
  await write(`${JSON.stringify({ ...header, counts } satisfies BackupHeader)}\n`);
  for (const table of tables) {
    let written = 0;
    const keyOf = primaryKeyOf(table);
    let batch = await table.orderBy(':id').limit(READ_BATCH).toArray();
    while (batch.length > 0) {
      written += batch.length;
      await write(batch.map((value) => `${JSON.stringify({ t: table.name, v: value }, encodeTyped)}\n`).join(''));
      if (batch.length < READ_BATCH) break;
      batch = await table.where(':id').above(keyOf(batch[batch.length - 1] as object)).limit(READ_BATCH).toArray();
    }
    // The header promised what was counted; what was written must be the same (IndexedDB's snapshot
    // guarantees it — this only keeps a broken promise from ever reaching a file).
    if (written !== counts[table.name]) throw new Error(`Backup of ${table.name}: counted ${counts[table.name]}, wrote ${written}`);
  }
}

/** Reads a record's primary key (keyset paging: no offset to re-scan). */
function primaryKeyOf(table: Table): (record: object) => IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  if (keyPath === undefined || keyPath === null) throw new Error(`Table ${table.name} has no inbound primary key`);
  return (record) => (Array.isArray(keyPath) ? keyPath.map((part) => Dexie.getByKeyPath(record, part)) : Dexie.getByKeyPath(record, keyPath)) as IndexableType;
}

function order(tableOrder: readonly string[] | undefined, name: string): number {
  const index = tableOrder?.indexOf(name) ?? -1;
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

interface PieceSender {
  done: Promise<void>;
  /** Set as soon as a piece could not be sent, so reading stops early. */
  failure: { error: unknown } | undefined;
}

/**
 * Drains the compressor as it produces, gathering PIECE_BYTES pieces and sending them one after another.
 * Draining never waits for a send, so compression keeps pace with reading even while the main process
 * writes; pieces not yet sent wait in memory (at most the compressed backup, about 60 MB at tier L).
 */
function sendPieces(stream: ReadableStream<Uint8Array>, send: (piece: Uint8Array) => Promise<void>): PieceSender {
  const sender: PieceSender = { done: Promise.resolve(), failure: undefined };
  let sent: Promise<void> = Promise.resolve();
  const queue = (piece: Uint8Array) => {
    sent = sent.then(() => send(piece));
    sent.catch((error: unknown) => {
      sender.failure ??= { error };
    });
  };
  sender.done = (async () => {
    const reader = stream.getReader();
    let buffered: Uint8Array[] = [];
    let size = 0;
    const flush = () => {
      if (size === 0) return;
      const piece = new Uint8Array(size);
      let offset = 0;
      for (const part of buffered) {
        piece.set(part, offset);
        offset += part.length;
      }
      buffered = [];
      size = 0;
      queue(piece);
    };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered.push(value);
      size += value.length;
      if (size >= PIECE_BYTES) flush();
    }
    flush();
    await sent;
  })();
  return sender;
}
