import { base64ToBytes } from '../backup/backup-format';

/**
 * Opens a batch of parsed records as the main process hands it over (gzip'd JSON, base64 for IPC; see
 * electron/main/import/run-import-job.ts), with the platform's own gzip decoder.
 */
export async function unpackBatch(gzipBase64: string): Promise<unknown> {
  const stream = new Blob([base64ToBytes(gzipBase64)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text());
}
