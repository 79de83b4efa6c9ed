import { wrap, type Remote } from 'comlink';
import type { LetterContent } from './letter-content';
import { letterPdfFromContent } from './letter-pdf';
import type { LetterPdfWorkerApi } from './letter-pdf-worker';

/** Builds letters' PDFs for a batch; `close` ends the worker it may have started. */
export interface LetterPdfBuilder {
  build(content: LetterContent): Promise<Uint8Array>;
  close(): void;
}

/** In this thread, as a single letter is built: where no worker can be started (Node, the unit tests). */
export const inThreadLetterPdfs: LetterPdfBuilder = { build: letterPdfFromContent, close: () => undefined };

const WORKER_LOST = Symbol('letter PDF worker lost');

/**
 * A batch of letters builds its PDFs in a dedicated worker (letter-pdf-worker.ts) while the caller stores the
 * letter before: on the 2-core machine of issue 14, pdfmake (about half of a run) no longer waits for the store,
 * and its garbage stays out of the data worker's heap. Requests are answered in the order they are made. A
 * realm without workers, or a worker that fails to start, builds in this thread; the bytes are the same either
 * way (pdfmake's own errors still reach the caller).
 */
export function startLetterPdfBuilder(): LetterPdfBuilder {
  if (typeof Worker === 'undefined') return inThreadLetterPdfs;
  let started: { readonly worker: Worker; readonly remote: Remote<LetterPdfWorkerApi>; readonly lost: Promise<never> } | undefined;
  let isLost = false;
  const start = () => {
    const worker = new Worker(new URL('./letter-pdf-worker.ts', import.meta.url), { type: 'module', name: 'kredo-letter-pdfs' });
    const lost = new Promise<never>((_resolve, reject) => {
      worker.addEventListener('error', () => reject(WORKER_LOST));
      worker.addEventListener('messageerror', () => reject(WORKER_LOST));
    });
    lost.catch(() => undefined); // observed by every build racing it; none may be waiting
    return { worker, remote: wrap<LetterPdfWorkerApi>(worker), lost };
  };
  const close = () => {
    started?.worker.terminate();
    started = undefined;
  };
  return {
    async build(content) {
      if (isLost) return letterPdfFromContent(content);
      started ??= start();
      try {
        return await Promise.race([started.remote.build(content), started.lost]);
      } catch (error) {
        if (error !== WORKER_LOST) throw error;
        isLost = true;
        close();
        return letterPdfFromContent(content);
      }
    },
    close,
  };
}
