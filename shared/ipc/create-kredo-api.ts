import type { KredoChannels } from './channels';

export interface KredoTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the renderer's API object: one named function per channel, never a general `send` or `on`
 * (Electron's context-isolation guide: exposing raw `ipcRenderer` hands the page a way back into Node).
 *
 * This function must stay self-contained: no imports, no helpers from outside its body. The preload calls
 * it directly, and the Chromium host ships its source text into the page with `addInitScript`, so both
 * hosts build the API with the very same code.
 */
export function createKredoApi(channels: KredoChannels, transport: KredoTransport): Readonly<Record<string, unknown>> {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(channels.invoke)) {
    api[method] = (request?: unknown) => transport.invoke(channel, request === undefined ? {} : request);
  }
  for (const [method, channel] of Object.entries(channels.events)) {
    api[method] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError(`${method} needs a listener function`);
      return transport.subscribe(channel, (payload) => (listener as (payload: unknown) => void)(payload));
    };
  }
  return Object.freeze(api);
}
