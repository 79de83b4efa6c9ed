/**
 * The import worker thread's entry point: runs one import job (see run-import-job.ts) off the main
 * process's thread and reports back by message. Ending the thread is how a job is cancelled (a tail
 * reader it started, below, ends with it: Node stops a thread's own threads when it stops).
 */
import { parentPort, resourceLimits, Worker, workerData } from 'node:worker_threads';
import { serializeError } from '../../../shared/errors/kredo-error';
import { runImportJob, type ImportJobMessage, type ImportJobRequest } from './run-import-job';
import { readTail, type TailJob, type TailReader, type TailResult } from './tabular/open-item-part';

const port = parentPort;
if (!port) throw new Error('import-worker must run as a worker thread');

/** What this file is started with as a job's tail reader instead of a job. */
interface TailWorkerData {
  readonly type: 'open-items-tail';
}
type TailReply = { readonly result: TailResult } | { readonly error: string };

/** Each buffer once (a transfer list naming one twice is refused), and only one that is a buffer of its own (not a slice of a pool). */
function ownBuffers(arrays: readonly (Uint8Array | undefined)[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) if (array && array.byteOffset === 0 && array.byteLength === array.buffer.byteLength) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}

/** A batch's bytes are handed over, not copied, when they are a buffer of their own. */
const transferOf = (message: ImportJobMessage) => (message.type === 'batch' ? ownBuffers([message.gzip]) : []);

/**
 * A second thread reading a large open-items file's tail while this one reads its head (issue 14: the two
 * cores). It is this same file, bundled (out/main/import-worker.js), started as the parse starts so it has
 * loaded by the time the file is decoded. Run from the TypeScript source (tests), there is no bundle to
 * start, and the job reads in one thread as before.
 */
function tailWorker(): TailReader {
  const worker = new Worker(new URL(import.meta.url), { workerData: { type: 'open-items-tail' } satisfies TailWorkerData, resourceLimits });
  let failure: Error | undefined;
  const failed = new Set<(error: Error) => void>();
  const fail = (error: Error) => {
    failure ??= error;
    for (const reject of failed) reject(failure);
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('The tail reader ended')));
  return {
    read: (job) =>
      new Promise<TailResult>((resolve, reject) => {
        if (failure) return reject(failure);
        failed.add(reject);
        worker.once('message', (reply: TailReply) => ('result' in reply ? resolve(reply.result) : reject(new Error(reply.error))));
        worker.postMessage(job);
      }),
    close: () => void worker.terminate(),
  };
}

const data = workerData as ImportJobRequest | TailWorkerData;
if (data.type === 'open-items-tail') {
  port.once('message', (job: TailJob) => {
    let reply: TailReply;
    try {
      reply = { result: readTail(job) };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply, 'result' in reply ? ownBuffers(reply.result.batches.map((batch) => batch.packed)) : []);
  });
} else {
  const canStartItself = import.meta.url.endsWith('.js');
  runImportJob(data, (message) => port.postMessage(message, transferOf(message)), canStartItself ? { tails: tailWorker } : {})
    .then(() => port.postMessage({ type: 'done' }))
    .catch((error: unknown) => port.postMessage({ type: 'failed', error: serializeError(error), detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
}
