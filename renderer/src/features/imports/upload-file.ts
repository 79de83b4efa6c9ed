import type { ImportFile } from '../../../../shared/ipc/import-contract';
import { bytesToBase64 } from '../../data/backup/backup-format';
import { kredo } from '../../platform/kredo-api';

/** Bytes per IPC call: base64 makes each piece a third larger, within the contract's 12 MB limit. */
const PIECE_BYTES = 6 * 1024 * 1024;

/**
 * Hands a file dropped on the window to the main process, which reads and checks it like any other
 * (the sandboxed page cannot give it a path). The file is streamed, never held whole in memory.
 */
export async function uploadFile(file: File): Promise<ImportFile> {
  const { uploadId } = await kredo.importUploadBegin({ name: file.name, sizeBytes: file.size });
  for (let start = 0; start < file.size; start += PIECE_BYTES) {
    const piece = new Uint8Array(await file.slice(start, start + PIECE_BYTES).arrayBuffer());
    await kredo.importUploadAppend({ uploadId, pieceBase64: bytesToBase64(piece) });
  }
  return (await kredo.importUploadFinish({ uploadId })).file;
}
