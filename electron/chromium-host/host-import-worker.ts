import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartImportWorker } from '../main/import/import-service';

/**
 * Import jobs from the TypeScript source, through tsx (see import-worker-bootstrap.mjs): for unit tests,
 * which must run the code as it is now. Compiling the worker's modules costs about a second per job.
 */
export const startSourceImportWorker: StartImportWorker = ({ resourceLimits }) => new Worker(new URL('./import-worker-bootstrap.mjs', import.meta.url), { resourceLimits });

/**
 * The worker the Chromium host runs: the bundle `electron-vite build` writes next to the main process
 * (out/main/import-worker.js, as the desktop app runs it) when it is there, the source otherwise. The host
 * is always started after a build (npm run start:chromium, test:e2e, bench), so it runs what ships.
 */
export function hostImportWorker(rendererDir: string): StartImportWorker {
  const built = path.join(path.dirname(rendererDir), 'main', 'import-worker.js');
  if (!existsSync(built)) return startSourceImportWorker;
  return ({ resourceLimits }) => new Worker(built, { resourceLimits });
}
