import { gzipSync } from 'node:zlib';
import { packOpenItemBatch, type OpenItemBatch } from '../../../shared/import/open-item-batch';

/** JSON, gzip'd at the fastest level: JSON of records compresses about five to one even so. */
export function packBatch(records: unknown): Uint8Array {
  return gzipSync(JSON.stringify(records), { level: 1 });
}

/** Open items go as typed columns (open-item-batch.ts, format 2), gzip'd too: no JSON of a million numbers. */
export function packOpenItems(batch: OpenItemBatch): Uint8Array {
  return gzipSync(packOpenItemBatch(batch, (text) => Buffer.from(text, 'utf8')), { level: 1 });
}
