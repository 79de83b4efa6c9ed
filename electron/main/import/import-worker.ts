/**
 * The import worker thread's entry point. It is started ahead of its job (worker-standby.ts), so it loads
 * the readers first, then waits for its one job by message, runs it (see run-import-job.ts) off the main
 * process's thread and reports back by message. Ending the thread is how a job is cancelled.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../../../shared/errors/kredo-error';
import { loadReaders, runImportJob, type ImportJobMessage, type ImportJobRequest } from './run-import-job';

const port = parentPort;
if (!port) throw new Error('import-worker must run as a worker thread');

/** A batch's bytes are handed over, not copied, when they are a buffer of their own (not a slice of a pool). */
const transferOf = (message: ImportJobMessage) => (message.type === 'batch' && message.bytes.byteOffset === 0 && message.bytes.byteLength === message.bytes.buffer.byteLength ? [message.bytes.buffer as ArrayBuffer] : []);

port.once('message', (request: ImportJobRequest) => {
  runImportJob(request, (message) => port.postMessage(message, transferOf(message)))
    .then(() => port.postMessage({ type: 'done' }))
    .catch((error: unknown) => port.postMessage({ type: 'failed', error: serializeError(error), detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
// A reader that fails to load fails again, with its error, in the job that needs it.
loadReaders().catch(() => undefined);
