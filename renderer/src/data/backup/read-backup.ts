import { KredoError } from '../../../../shared/errors/kredo-error';
import { BACKUP_FORMAT, base64ToBytes, decodeTyped, type BackupHeader, type BackupLine } from './backup-format';

/** Where a backup's bytes come from: the main process reads the file piece by piece. */
export interface BackupSource {
  read(offset: number): Promise<{ pieceBase64: string; nextOffset: number | null }>;
}

export interface ParsedBackup {
  readonly header: BackupHeader;
  readonly tables: ReadonlyMap<string, unknown[]>;
}

async function* pieces(source: BackupSource): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let offset: number | null = 0;
  while (offset !== null) {
    const { pieceBase64, nextOffset } = await source.read(offset);
    yield base64ToBytes(pieceBase64);
    offset = nextOffset;
  }
}

/**
 * Decompresses and parses a whole backup before anything is written, so that a damaged or foreign file is
 * refused while the store is still untouched, and the restore itself can be one transaction.
 */
export async function readBackup(source: BackupSource): Promise<ParsedBackup> {
  const decompressor = new DecompressionStream('gzip');
  const writer = decompressor.writable.getWriter();
  const feeding = (async () => {
    for await (const piece of pieces(source)) await writer.write(piece);
    await writer.close();
  })().catch(async (error: unknown) => {
    await writer.abort(error).catch(() => undefined);
    throw error;
  });
  // The reading side usually reports a broken file first; this keeps the feeding side's own report of the
  // same failure from surfacing as an unhandled rejection (it is still awaited below).
  feeding.catch(() => undefined);

  const lines = decompressor.readable.pipeThrough(new TextDecoderStream()).getReader();
  let header: BackupHeader | undefined;
  const tables = new Map<string, unknown[]>();
  let rest = '';
  const take = (line: string) => {
    if (line === '') return;
    if (!header) {
      header = JSON.parse(line) as BackupHeader;
      if (header.format !== BACKUP_FORMAT) throw new KredoError('backup.damaged');
      return;
    }
    const record = JSON.parse(line, decodeTyped) as BackupLine;
    const list = tables.get(record.t);
    if (list) list.push(record.v);
    else tables.set(record.t, [record.v]);
  };
  try {
    for (;;) {
      const { done, value } = await lines.read();
      if (done) break;
      const parts = (rest + value).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) take(line);
    }
    take(rest);
    await feeding;
  } catch (error) {
    // Stop reading the rest: the feeding side would otherwise wait for ever for a reader.
    await lines.cancel(error).catch(() => undefined);
    if (error instanceof KredoError) throw error;
    throw new KredoError('backup.damaged', undefined, { cause: error });
  }
  if (!header) throw new KredoError('backup.damaged');
  for (const [table, count] of Object.entries(header.counts)) {
    if ((tables.get(table)?.length ?? 0) !== count) throw new KredoError('backup.damaged');
  }
  return { header, tables };
}
