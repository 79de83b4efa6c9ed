import { proxy, wrap, type Remote } from 'comlink';
import type { DataApi } from './worker/data-api';

let worker: Remote<DataApi> | undefined;

/** The UI's handle on the data worker, started on first use. */
export function dataWorker(): Remote<DataApi> {
  worker ??= wrap<DataApi>(new Worker(new URL('./worker/data-worker.ts', import.meta.url), { type: 'module', name: 'kredo-data' }));
  return worker;
}

/** Wraps a callback (progress, say) so the worker can call it across the thread boundary. */
export const callback = proxy;
