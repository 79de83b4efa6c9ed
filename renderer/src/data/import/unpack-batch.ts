import { isPackedOpenItemBatch, unpackOpenItemBatch } from '../../../../shared/import/open-item-batch';
import { base64ToBytes } from '../backup/backup-format';

const utf8 = new TextDecoder();

/**
 * Opens a batch of parsed records as the main process hands it over (gzip'd, base64 for IPC; see
 * electron/main/import/run-import-job.ts), with the platform's own gzip decoder: open items packed as
 * typed columns (read in place), anything else JSON.
 */
export async function unpackBatch(gzipBase64: string): Promise<unknown> {
  const stream = new Blob([base64ToBytes(gzipBase64)]).stream().pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return isPackedOpenItemBatch(bytes) ? unpackOpenItemBatch(bytes, (text) => utf8.decode(text)) : JSON.parse(utf8.decode(bytes));
}
