import { asBuffer, readZipDirectory, unpackZipEntry, type ZipRefusals } from '../import/bounded-zip';
import { RateFileError } from './rate-file-error';

export { isZip } from '../import/bounded-zip';

/** The ECB's history unpacks to about 7 MB; a zip that claims more than this is not a rates file. */
export const MAX_RATES_UNPACKED_BYTES = 64 * 1024 * 1024;

/** Entries read at most: the ECB's zip holds one, and one with more is not a rates file's zip. */
const MAX_RATES_ZIP_ENTRIES = 64;

/**
 * The one data file inside a zip the ECB publishes (`eurofxref-hist.zip` holds `eurofxref-hist.csv`), read
 * with the bounded zip reader (import/bounded-zip.ts). Inflating stops at the size the entry declares,
 * which may not exceed MAX_RATES_UNPACKED_BYTES: a zip bomb cannot grow past it.
 */
export function unzipRatesFile(data: Uint8Array, file: string): { readonly name: string; readonly bytes: Buffer } {
  const bytes = asBuffer(data);
  const refuse: ZipRefusals = {
    damaged: () => {
      throw new RateFileError('damagedZip', { file });
    },
    tooManyEntries: () => {
      throw new RateFileError('zipNotOneFile', { file });
    },
  };
  const candidates = readZipDirectory(bytes, MAX_RATES_ZIP_ENTRIES, refuse).filter((entry) => /\.(csv|xml|json)$/i.test(entry.name) && !entry.name.endsWith('/'));
  if (candidates.length !== 1) throw new RateFileError('zipNotOneFile', { file });
  const entry = candidates[0]!;
  if (entry.unpackedBytes > MAX_RATES_UNPACKED_BYTES) throw new RateFileError('tooLarge', { file, limitMb: MAX_RATES_UNPACKED_BYTES / 1_048_576 });
  return { name: entry.name, bytes: unpackZipEntry(bytes, entry, refuse) };
}
