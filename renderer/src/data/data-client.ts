import { proxy, transferHandlers, wrap, type Remote, type TransferHandler } from 'comlink';
import { KredoApiError } from '../platform/kredo-api';
import type { DataApi } from './worker/data-api';

let worker: Remote<DataApi> | undefined;

/**
 * The counterpart of the worker's keepErrorCodesAcrossComlink: a KredoError thrown in the data worker
 * arrives here as a KredoApiError, so screens show its message in the user's language.
 */
function restoreErrorCodes(): void {
  type Serialized = { isError: boolean; value: { code?: unknown; params?: unknown } };
  const base = transferHandlers.get('throw') as TransferHandler<unknown, Serialized>;
  transferHandlers.set('throw', {
    canHandle: base.canHandle,
    serialize: base.serialize,
    deserialize(serialized: Serialized) {
      const { code, params } = serialized.value ?? {};
      if (serialized.isError && typeof code === 'string') throw new KredoApiError(code, params as ConstructorParameters<typeof KredoApiError>[1]);
      return base.deserialize(serialized);
    },
  });
}

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
