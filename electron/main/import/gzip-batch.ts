import { gzip } from 'node:zlib';

/**
 * A parsed batch gzip'd, in the main process, off its event loop (libuv's thread pool): batches are held
 * compressed until the renderer reads them (parsed-batches.ts), and JSON of records packs about five to one
 * even at the fastest level.
 *
 * Not in the import worker, where it used to be: Node aborts the whole process — Kredo's main process, the
 * worker's host — when a worker thread is terminated while node:zlib is setting a stream up
 * (`Assertion failed: init_done_ && "close before init"`, node_zlib.cc, from the worker's cleanup), and
 * the import service terminates workers on Stop and when a job stalls. Seen in this project's CI on
 * Node 20; a worker that gzips in a loop, terminated at random moments, took the process down within
 * 200 terminations. The same check is in Node 22's node_zlib.cc, which Electron ships. ESLint keeps
 * node:zlib out of the worker's modules (eslint.config.mjs).
 */
export function gzipBatch(bytes: Uint8Array): Promise<Uint8Array> {
  const packed = new Promise<Uint8Array>((resolve, reject) => {
    // Output in chunks of 1 MiB, not zlib's 16 KiB: one trip to the thread pool per batch, not dozens.
    gzip(bytes, { level: 1, chunkSize: 1 << 20 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  // A batch nobody reads (the file was dropped, the analysis failed) must not end as an unhandled
  // rejection; whoever awaits it still gets the error.
  packed.catch(() => undefined);
  return packed;
}
