import { inflateRawSync } from 'node:zlib';
import { RateFileError } from './rate-file-error';

/** The ECB's history unpacks to about 7 MB; a zip that claims more than this is not a rates file. */
export const MAX_RATES_UNPACKED_BYTES = 64 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The one data file inside a zip the ECB publishes (`eurofxref-hist.zip` holds `eurofxref-hist.csv`), read
 * from the zip's central directory (APPNOTE.TXT §4.3.12, §4.3.16). Inflating stops at the size the entry
 * declares, which may not exceed MAX_RATES_UNPACKED_BYTES: a zip bomb cannot grow past it.
 */
export function unzipRatesFile(data: Uint8Array, file: string): { readonly name: string; readonly bytes: Buffer } {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const damaged = (): never => {
    throw new RateFileError('damagedZip', { file });
  };
  let end = -1;
  for (let position = bytes.length - 22; position >= Math.max(0, bytes.length - 22 - 65_535); position -= 1) {
    if (bytes.readUInt32LE(position) === END_OF_DIRECTORY) {
      end = position;
      break;
    }
  }
  if (end < 0) return damaged();
  const count = bytes.readUInt16LE(end + 10);
  let position = bytes.readUInt32LE(end + 16);
  const entries: { name: string; method: number; packed: number; unpacked: number; header: number }[] = [];
  for (let index = 0; index < Math.min(count, 64); index += 1) {
    if (position + 46 > bytes.length || bytes.readUInt32LE(position) !== DIRECTORY_ENTRY) return damaged();
    const nameLength = bytes.readUInt16LE(position + 28);
    entries.push({
      method: bytes.readUInt16LE(position + 10),
      packed: bytes.readUInt32LE(position + 20),
      unpacked: bytes.readUInt32LE(position + 24),
      header: bytes.readUInt32LE(position + 42),
      name: bytes.toString('utf8', position + 46, position + 46 + nameLength),
    });
    position += 46 + nameLength + bytes.readUInt16LE(position + 30) + bytes.readUInt16LE(position + 32);
  }
  const candidates = entries.filter((entry) => /\.(csv|xml|json)$/i.test(entry.name) && !entry.name.endsWith('/'));
  if (candidates.length !== 1) throw new RateFileError('zipNotOneFile', { file });
  const entry = candidates[0]!;
  if (entry.unpacked > MAX_RATES_UNPACKED_BYTES) throw new RateFileError('tooLarge', { file, limitMb: MAX_RATES_UNPACKED_BYTES / 1_048_576 });
  if (entry.header + 30 > bytes.length || bytes.readUInt32LE(entry.header) !== LOCAL_HEADER) return damaged();
  const start = entry.header + 30 + bytes.readUInt16LE(entry.header + 26) + bytes.readUInt16LE(entry.header + 28);
  const packed = bytes.subarray(start, start + entry.packed);
  if (entry.method === 0) return { name: entry.name, bytes: packed };
  if (entry.method !== 8) return damaged();
  try {
    return { name: entry.name, bytes: inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.unpacked) }) };
  } catch {
    return damaged();
  }
}
