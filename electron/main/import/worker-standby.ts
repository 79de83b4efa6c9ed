import type { Worker } from 'node:worker_threads';
import type { Logger } from '../services/logger';

export interface WorkerStandby {
  /** A worker for the next job: the one kept ready when there is one, a new one otherwise. */
  take(): Worker;
  /** Starts a worker to keep ready, unless one is; after `delayMs`, if given and no job has taken one since. */
  prepare(delayMs?: number): void;
  close(): Promise<void>;
}

/**
 * One import worker started ahead of the next job. A worker spends its first ~120 ms starting and loading
 * the readers (run-import-job's modules, then the bank and e-invoice readers, with saxes and the XML
 * parser under them): measured on a built worker, a 10,000-line camt.053's analysis came at ~500 ms, of
 * which that was a quarter (issue 14: a bank import ≤ 2 s). Kept ready, the job starts with them loaded.
 * Jobs still get a worker each — ending it is how a job is stopped (import-service.ts) — so the next one
 * is prepared a while after a job ends (import-service.ts), not at once: then the renderer is still
 * comparing and saving what the job read, and on a 2-core machine a worker loading its readers (~0.15 s
 * of CPU) would take it from that. An idle worker does not keep the process
 * alive (unref), and one that fails while waiting is logged and dropped.
 */
export function createWorkerStandby(start: () => Worker, logger: Logger): WorkerStandby {
  let ready: { readonly worker: Worker; readonly onError: (error: Error) => void; readonly onExit: () => void } | undefined;
  let isClosed = false;
  let timer: NodeJS.Timeout | undefined;

  const release = () => {
    const kept = ready;
    ready = undefined;
    if (!kept) return undefined;
    kept.worker.off('error', kept.onError);
    kept.worker.off('exit', kept.onExit);
    return kept.worker;
  };

  const prepareNow = () => {
    if (ready || isClosed) return;
    const worker = start();
    worker.unref();
    const onError = (error: Error) => logger.warn('An import worker kept ready failed before its job', { error: String(error) });
    const onExit = () => {
      if (ready?.worker === worker) release();
    };
    worker.on('error', onError);
    worker.on('exit', onExit);
    ready = { worker, onError, onExit };
  };

  return {
    take() {
      clearTimeout(timer);
      const worker = release() ?? start();
      worker.ref();
      return worker;
    },
    prepare(delayMs) {
      clearTimeout(timer);
      if (delayMs === undefined) return prepareNow();
      timer = setTimeout(prepareNow, delayMs);
      timer.unref();
    },
    async close() {
      isClosed = true;
      clearTimeout(timer);
      await release()?.terminate();
    },
  };
}
