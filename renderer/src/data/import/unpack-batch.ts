import { isPackedOpenItemBatch, unpackOpenItemBatch } from '../../../../shared/import/open-item-batch';
import { base64ToBytes } from '../backup/backup-format';

const utf8 = new TextDecoder();

/** Uint8Array.fromBase64 (Chromium 140 and later, so Electron 45): not in the ES2023 library's types. */
type WithBase64 = typeof Uint8Array & { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> };

/**
 * The bytes of a batch's base64, by the platform's own decoder where it has one: a tier-L import's
 * batches are 16 MB of base64, which atob and a loop over every character took tens of milliseconds to
 * turn into bytes (issue 14); else that way (base64ToBytes).
 */
function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const native = Uint8Array as WithBase64;
  return native.fromBase64 ? native.fromBase64(base64) : base64ToBytes(base64);
}

/**
 * Opens a batch of parsed records as the main process hands it over (gzip'd, base64 for IPC; see
 * electron/main/import/run-import-job.ts), with the platform's own gzip decoder: open items packed as
 * typed columns (read in place), anything else JSON.
 */
export async function unpackBatch(gzipBase64: string): Promise<unknown> {
  const stream = new Blob([bytesOfBase64(gzipBase64)]).stream().pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return isPackedOpenItemBatch(bytes) ? unpackOpenItemBatch(bytes, (text) => utf8.decode(text)) : JSON.parse(utf8.decode(bytes));
}
