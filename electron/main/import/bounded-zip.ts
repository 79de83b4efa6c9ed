import { Inflate } from 'fflate';

/**
 * A zip read without trusting it (APPNOTE.TXT §4.3.12, §4.3.16), for the readers that open zips before any
 * library does: Excel workbooks (tabular/workbook-bounds.ts) and the ECB's rates history (rates/rates-zip.ts).
 * The central directory is read from the end, its entry count bounded before one entry is read, and a part
 * is inflated never past the size its directory entry declares, so a zip bomb cannot grow beyond what the
 * caller has already accepted. Each caller says how it refuses a damaged zip, in its own error's words.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly packedBytes: number;
  readonly unpackedBytes: number;
  readonly headerOffset: number;
}

export interface ZipRefusals {
  /** The directory or a part cannot be read. */
  readonly damaged: () => never;
  /** The directory declares more than `maxEntries` entries (or is Zip64, which no file Kredo reads needs). */
  readonly tooManyEntries: () => never;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** The zip's table of contents: read from the end, one pass over at most `maxEntries` entries. */
export function readZipDirectory(bytes: Buffer, maxEntries: number, refuse: ZipRefusals): ZipEntry[] {
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let position = bytes.length - 22; position >= Math.max(0, bytes.length - 22 - 65_535); position -= 1) {
    if (bytes.readUInt32LE(position) === END_OF_DIRECTORY) {
      end = position;
      break;
    }
  }
  if (end < 0) return refuse.damaged();
  const count = bytes.readUInt16LE(end + 10);
  if (count > maxEntries || count === 0xffff) return refuse.tooManyEntries();
  const entries: ZipEntry[] = [];
  let position = bytes.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (position + 46 > bytes.length || bytes.readUInt32LE(position) !== DIRECTORY_ENTRY) return refuse.damaged();
    const nameLength = bytes.readUInt16LE(position + 28);
    entries.push({
      method: bytes.readUInt16LE(position + 10),
      packedBytes: bytes.readUInt32LE(position + 20),
      unpackedBytes: bytes.readUInt32LE(position + 24),
      headerOffset: bytes.readUInt32LE(position + 42),
      name: bytes.toString('utf8', position + 46, position + 46 + nameLength),
    });
    position += 46 + nameLength + bytes.readUInt16LE(position + 30) + bytes.readUInt16LE(position + 32);
  }
  return entries;
}

/**
 * Packed bytes handed to the inflater at a time: one slice unpacks to at most ~1,032 times its size
 * (DEFLATE's limit), so a lying part is stopped within ~16 MB past its declared size.
 */
const INFLATE_SLICE = 16_384;

/** Unpacks one part (stored or deflated), never past the size its directory entry declares: a part that lies is damaged. */
export function unpackZipEntry(bytes: Buffer, entry: ZipEntry, refuse: Pick<ZipRefusals, 'damaged'>): Buffer {
  const header = entry.headerOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER) return refuse.damaged();
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const packed = bytes.subarray(start, start + entry.packedBytes);
  if (entry.method === 0) return packed;
  if (entry.method !== 8) return refuse.damaged();
  const unpacked = inflateWithin(packed, entry.unpackedBytes);
  return unpacked ?? refuse.damaged();
}

/**
 * Raw DEFLATE (RFC 1951) with fflate, not node:zlib: this runs in the import worker, and Node aborts the
 * whole process — Kredo's main process — when a worker is terminated (Stop, the stall watchdog) while
 * node:zlib is setting up a stream ("Assertion failed: init_done_ && close before init", node_zlib.cc;
 * reproduced on Node 20 in under 200 terminations, seen in CI). A pure-JS inflater is safe to terminate.
 * Null when the data is damaged or unpacks past `limit` bytes.
 */
function inflateWithin(packed: Uint8Array, limit: number): Buffer | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let isOver = false;
  const inflater = new Inflate((part) => {
    total += part.length;
    if (total > limit) isOver = true;
    else parts.push(part);
  });
  try {
    for (let at = 0; at < packed.length && !isOver; at += INFLATE_SLICE) {
      inflater.push(packed.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= packed.length);
    }
    if (packed.length === 0) inflater.push(packed, true);
  } catch {
    return null;
  }
  if (isOver) return null;
  return Buffer.concat(parts, total);
}
