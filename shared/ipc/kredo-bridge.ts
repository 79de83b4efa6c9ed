/**
 * The type of the object the preload exposes as `window.kredo`: one function per contract channel, each
 * returning an `IpcResult`, and one subscribe function per event channel returning its unsubscribe.
 */
import type { EventMethod, InvokeMethod } from './channels';
import type { EventPayload, InvokeRequest, InvokeResponse } from './contract';
import type { IpcResult } from './ipc-result';

/** A request argument that may be left out when the channel takes an empty request. */
export type RequestArgs<M extends InvokeMethod> = Record<string, never> extends InvokeRequest<M>
  ? [request?: InvokeRequest<M>]
  : [request: InvokeRequest<M>];

export type KredoBridge = {
  readonly [M in InvokeMethod]: (...args: RequestArgs<M>) => Promise<IpcResult<InvokeResponse<M>>>;
} & {
  readonly [E in EventMethod]: (listener: (payload: EventPayload<E>) => void) => () => void;
};
