import { proxy, transfer, transferHandlers, wrap, type Remote } from 'comlink';
import { startReadyLetterPdfWorker } from '../letters/letter-pdf-builder';
import type { ProcessOutcome, ProcessProgress, ProcessWorklistRequest } from './dunning/process-worklist';
import { KredoApiError } from '../platform/kredo-api';
import type { DataApi } from './worker/data-api';
import { codedThrowHandler } from './worker/error-transfer';

let worker: Remote<DataApi> | undefined;

/**
 * The counterpart of the worker's keepErrorCodesAcrossComlink: a KredoError thrown in the data worker
 * arrives here as a KredoApiError, so screens show its message in the user's language; and a KredoApiError
 * thrown by a callback given to the worker (the main process refusing an e-mail) keeps its code on the way.
 */
function restoreErrorCodes(): void {
  const base = transferHandlers.get('throw') as Parameters<typeof codedThrowHandler>[0];
  transferHandlers.set('throw', uiThrowHandler(base));
}

export const uiThrowHandler = (base: Parameters<typeof codedThrowHandler>[0]) =>
  codedThrowHandler(base, (error): error is KredoApiError => error instanceof KredoApiError, (code, params) => new KredoApiError(code, params as ConstructorParameters<typeof KredoApiError>[1]));

/** The UI's handle on the data worker, started on first use. */
export function dataWorker(): Remote<DataApi> {
  if (!worker) {
    restoreErrorCodes();
    worker = wrap<DataApi>(new Worker(new URL('./worker/data-worker.ts', import.meta.url), { type: 'module', name: 'kredo-data' }));
  }
  return worker;
}

/** Wraps a callback (progress, say) so the worker can call it across the thread boundary. */
export const callback = proxy;

/**
 * Processes worklist entries in the data worker, with a worker this thread starts for the batch building the
 * letters' PDFs meanwhile (issue 14; letter-pdf-builder.ts): one started here loads as the data worker does,
 * under every host. Without one (it could not start) the data worker builds them itself.
 */
export async function processWorklistWithLetterPdfs(request: ProcessWorklistRequest, progress: ProcessProgress): Promise<ProcessOutcome> {
  const letterPdfs = request.entryIds.length > 1 ? await startReadyLetterPdfWorker() : undefined;
  try {
    return await (letterPdfs ? dataWorker().processWorklist(request, callback(progress), transfer(letterPdfs.port, [letterPdfs.port])) : dataWorker().processWorklist(request, callback(progress)));
  } finally {
    letterPdfs?.end();
  }
}
