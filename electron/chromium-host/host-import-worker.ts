import { Worker } from 'node:worker_threads';
import type { StartImportWorker } from '../main/import/import-service';

/**
 * Import jobs in the Chromium host: the same worker module as the desktop app's, loaded from source
 * through tsx (see import-worker-bootstrap.mjs); the desktop app runs the bundled out/main/import-worker.js.
 */
export const startHostImportWorker: StartImportWorker = (request) => new Worker(new URL('./import-worker-bootstrap.mjs', import.meta.url), { workerData: request });
