/**
 * The only module in the renderer that touches `window.kredo` (Frappe Books' "demux" rule): every call to
 * the main process goes through here. It unwraps the IPC result, so callers get a value or a thrown
 * `KredoApiError` whose code is a key in the `errors` namespace.
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventMethod, type InvokeMethod } from '../../../shared/ipc/channels';
import type { EventPayload, InvokeResponse } from '../../../shared/ipc/contract';
import type { ErrorParams, IpcResult } from '../../../shared/ipc/ipc-result';
import type { KredoBridge, RequestArgs } from '../../../shared/ipc/kredo-bridge';

declare global {
  interface Window {
    readonly kredo?: KredoBridge;
  }
}

export class KredoApiError extends Error {
  readonly code: string;
  readonly params: ErrorParams | undefined;

  constructor(code: string, params?: ErrorParams) {
    super(code);
    this.name = 'KredoApiError';
    this.code = code;
    this.params = params;
  }
}

/** The code used when the bridge itself is missing: the page was opened outside Kredo. */
export const BRIDGE_MISSING_CODE = 'bridgeMissing';

function bridge(): KredoBridge {
  if (!window.kredo) throw new KredoApiError(BRIDGE_MISSING_CODE);
  return window.kredo;
}

type KredoClient = { readonly [M in InvokeMethod]: (...args: RequestArgs<M>) => Promise<InvokeResponse<M>> };

async function call(method: InvokeMethod, request: unknown): Promise<unknown> {
  const invoke = bridge()[method] as (request?: unknown) => Promise<IpcResult<unknown>>;
  const result = await invoke(request);
  if (result.ok) return result.value;
  throw new KredoApiError(result.error.code, result.error.params);
}

export const kredo = Object.fromEntries(
  (Object.keys(INVOKE_CHANNELS) as InvokeMethod[]).map((method) => [method, (request?: unknown) => call(method, request)]),
) as unknown as KredoClient;

export function subscribe<E extends EventMethod>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!(event in EVENT_CHANNELS)) throw new Error(`Unknown event ${event}`);
  const on = bridge()[event] as (listener: (payload: EventPayload<E>) => void) => () => void;
  return on(listener);
}

/**
 * A call whose failure comes back as data, not as a throw: for callers on the far side of another
 * boundary (the data worker, through Comlink), which would otherwise receive the error without its code.
 */
export async function settle<M extends InvokeMethod>(method: M, ...args: RequestArgs<M>): Promise<IpcResult<InvokeResponse<M>>> {
  try {
    return { ok: true, value: await (kredo[method] as (...request: RequestArgs<M>) => Promise<InvokeResponse<M>>)(...args) };
  } catch (error) {
    if (error instanceof KredoApiError) return { ok: false, error: { code: error.code, ...(error.params && { params: error.params }) } };
    return { ok: false, error: { code: 'internal' } };
  }
}
