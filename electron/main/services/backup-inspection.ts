import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

const headerSchema = z.object({
  format: z.literal('kredo-backup'),
  schemaVersion: z.number().int().positive(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  debtors: z.number().int().nonnegative().default(0),
});

export type BackupFileHeader = z.output<typeof headerSchema>;

const recordSchema = z.object({ t: z.string(), v: z.unknown() });

/** What a backup file holds, read through to its last byte. */
export interface BackupInspection {
  readonly header: BackupFileHeader;
  /** Records per table, counted line by line (equal to the header's, or the file is refused). */
  readonly counts: Readonly<Record<string, number>>;
  /** SHA-256 of the file's bytes, as hex. */
  readonly sha256: string;
  readonly sizeBytes: number;
}

/**
 * Why a file was refused: `notABackup` when no Kredo header could be read at its start (not gzip, another
 * format, nothing in it), `damaged` when it starts as a Kredo backup but does not hold what its header says.
 */
export class BackupFileProblem extends Error {
  constructor(
    readonly kind: 'notABackup' | 'damaged',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'BackupFileProblem';
  }
}

/** Longest header line accepted: a header is a few hundred bytes. */
const MAX_HEADER_CHARS = 64 * 1024;

/**
 * Reads a whole backup file the way a restore will: gunzip (whose CRC-32 and length check catch a cut or
 * flipped byte), the header, then every line parsed as a `{"t": table, "v": record}` of a table the header
 * names, counted per table against the header's counts. Also hashes the file's bytes. It streams, so the
 * main process stays responsive and memory stays at about one line; and it always ends — at the last byte,
 * or at the first problem (the old header reader waited for ever for a line end that never came).
 */
export async function inspectBackupFile(file: string): Promise<BackupInspection> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let isGzip = false;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // gzip's magic number (RFC 1952): such a file that fails to decompress is a damaged backup.
      if (sizeBytes === 0) isGzip = chunk[0] === 0x1f && chunk[1] === 0x8b;
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });

  let header: BackupFileHeader | undefined;
  const counts: Record<string, number> = {};
  // The first problem found; the streams' own report of being torn down after it may arrive instead.
  let problem: BackupFileProblem | undefined;
  const refuse = (kind: BackupFileProblem['kind'], message: string, options?: ErrorOptions): never => {
    problem ??= new BackupFileProblem(kind, message, options);
    throw problem;
  };
  const take = (line: string) => {
    if (!header) {
      try {
        header = headerSchema.parse(JSON.parse(line));
      } catch (error) {
        refuse('notABackup', 'The first line is not a Kredo backup header', { cause: error });
      }
      if (!header) return;
      for (const table of Object.keys(header.counts)) counts[table] = 0;
      return;
    }
    if (line === '') refuse('damaged', 'Empty line');
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      refuse('damaged', 'A line is not JSON', { cause: error });
    }
    const record = recordSchema.safeParse(parsed);
    if (!record.success || !(record.data.t in counts)) return refuse('damaged', 'A line is not a record of a table the header names');
    counts[record.data.t] = (counts[record.data.t] ?? 0) + 1;
  };

  try {
    await pipeline(createReadStream(file), hashing, createGunzip(), async (source: AsyncIterable<Buffer>) => {
      const decoder = new StringDecoder('utf8');
      // A line's parts since its last newline: only the new text is searched, so a line of many
      // megabytes (a ledger chunk) is not scanned again with each piece.
      let partial: string[] = [];
      let partialChars = 0;
      for await (const chunk of source) {
        const text = decoder.write(chunk);
        let start = 0;
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
          partial.push(text.slice(start, end));
          take(partial.join(''));
          partial = [];
          partialChars = 0;
          start = end + 1;
        }
        partial.push(text.slice(start));
        partialChars += text.length - start;
        if (!header && partialChars > MAX_HEADER_CHARS) refuse('notABackup', 'No header line');
      }
      const last = partial.join('') + decoder.end();
      // Every line, the last one too, ends with a newline: anything after it is a cut line.
      if (last !== '') refuse(header ? 'damaged' : 'notABackup', 'The last line has no end');
    });
  } catch (error) {
    if (problem) throw problem;
    throw new BackupFileProblem(header || isGzip ? 'damaged' : 'notABackup', error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (!header) throw new BackupFileProblem('notABackup', 'No header line');
  for (const [table, count] of Object.entries(header.counts)) {
    if (counts[table] !== count) throw new BackupFileProblem('damaged', `${table}: ${counts[table] ?? 0} records, the header says ${count}`);
  }
  return { header, counts, sha256: hash.digest('hex'), sizeBytes };
}

/** SHA-256 of a file's bytes, as hex: to check a copy against the original. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
