/**
 * The import worker thread's entry point: runs one import job (see run-import-job.ts) off the main
 * process's thread and reports back by message. Ending the thread is how a job is cancelled.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from '../../../shared/errors/kredo-error';
import { runImportJob, type ImportJobRequest } from './run-import-job';

const port = parentPort;
if (!port) throw new Error('import-worker must run as a worker thread');

runImportJob(workerData as ImportJobRequest, (message) => port.postMessage(message))
  .then(() => port.postMessage({ type: 'done' }))
  .catch((error: unknown) => port.postMessage({ type: 'failed', error: serializeError(error), detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
