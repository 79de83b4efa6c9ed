import { wrap, type Remote } from 'comlink';
import type { LetterContent } from './letter-content';
import { letterPdfFromContent } from './letter-pdf';
import type { LetterPdfWorkerApi, LetterPdfWorkerStart } from './letter-pdf-worker';

/** What the worker says once it answers on its port (letter-pdf-worker.ts; not imported, which would start one here). */
const READY = 'kredo-letter-pdfs-ready';

/** Builds letters' PDFs for a batch; `close` lets go of the worker it may use. */
export interface LetterPdfBuilder {
  build(content: LetterContent): Promise<Uint8Array>;
  close(): void;
}

/** In this thread, as a single letter is built: where no worker can be started (Node, the unit tests). */
export const inThreadLetterPdfs: LetterPdfBuilder = { build: letterPdfFromContent, close: () => undefined };

const WORKER_LOST = Symbol('letter PDF worker lost');

/**
 * Starts a letter PDF worker (letter-pdf-worker.ts) and hands back the port to ask it on and `end`, which
 * stops it. The UI thread starts it for a batch the data worker processes (DunningScreen), passing the port
 * along: a worker started by the UI thread loads like the data worker does, under every host.
 */
export function startLetterPdfWorker(): { readonly port: MessagePort; readonly worker: Worker; end(): void } {
  const worker = new Worker(new URL('./letter-pdf-worker.ts', import.meta.url), { type: 'module', name: 'kredo-letter-pdfs' });
  const channel = new MessageChannel();
  worker.postMessage({ letterPdfPort: channel.port1 } satisfies LetterPdfWorkerStart, [channel.port1]);
  return { port: channel.port2, worker, end: () => worker.terminate() };
}

/**
 * A letter PDF worker that has started and answers on `port`, or undefined when none could be started: the
 * batch then builds its PDFs without it (startLetterPdfBuilder).
 */
export async function startReadyLetterPdfWorker(): Promise<{ readonly port: MessagePort; end(): void } | undefined> {
  if (typeof Worker === 'undefined') return undefined;
  const started = startLetterPdfWorker();
  const ready = await new Promise<boolean>((resolve) => {
    started.worker.addEventListener('message', (event: MessageEvent<unknown>) => resolve(event.data === READY));
    started.worker.addEventListener('error', () => resolve(false));
  });
  if (ready) return started;
  started.end();
  return undefined;
}

/**
 * A batch of letters builds its PDFs in a dedicated worker while the caller finishes and stores the letter
 * before: on the 2-core machine of issue 14, pdfmake (about half of a run) no longer waits for the store, and
 * its garbage stays out of the caller's heap. Requests are answered in the order they are made. Given a port
 * (to a worker the UI thread started), it asks there; else it starts its own worker; in a realm without
 * workers, or when the worker cannot be reached, it builds in this thread. The bytes are the same either
 * way (pdfmake's own errors still reach the caller).
 */
export function startLetterPdfBuilder(port?: MessagePort): LetterPdfBuilder {
  if (!port && typeof Worker === 'undefined') return inThreadLetterPdfs;
  let started: { readonly remote: Remote<LetterPdfWorkerApi>; readonly lost: Promise<never>; close(): void } | undefined;
  let isLost = false;
  const start = () => {
    const own = port ? undefined : startLetterPdfWorker();
    const lost = new Promise<never>((_resolve, reject) => {
      own?.worker.addEventListener('error', () => reject(WORKER_LOST));
      own?.worker.addEventListener('messageerror', () => reject(WORKER_LOST));
      port?.addEventListener('messageerror', () => reject(WORKER_LOST));
    });
    lost.catch(() => undefined); // observed by every build racing it; none may be waiting
    const endpoint = port ?? own!.port;
    return { remote: wrap<LetterPdfWorkerApi>(endpoint), lost, close: () => (endpoint.close(), own?.end()) };
  };
  const close = () => {
    started?.close();
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
