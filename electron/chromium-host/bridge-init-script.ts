import { KREDO_API_GLOBAL, KREDO_CHANNELS } from '../../shared/ipc/channels';
import { createKredoApi } from '../../shared/ipc/create-kredo-api';
import { BULK_CHANNELS, BULK_IPC_PATH, EVENT_DELIVERY_NAME, IPC_BINDING_NAME } from './host-origin';

/**
 * The Chromium host's stand-in for the preload, as a script that runs in the page before the app's own
 * code. It builds `window.kredo` with the source of the very `createKredoApi` the preload uses, over a
 * transport that calls the host's Playwright binding, and keeps event listeners for the host to notify.
 */
export function bridgeInitScript(): string {
  return `(() => {
  const channels = ${JSON.stringify(KREDO_CHANNELS)};
  const createKredoApi = ${createKredoApi.toString()};
  const listeners = new Map();
  const bulkChannels = new Set(${JSON.stringify(BULK_CHANNELS)});
  const bulkInvoke = async (channel, request) => {
    const response = await fetch(${JSON.stringify(BULK_IPC_PATH)} + encodeURIComponent(channel), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request ?? null) });
    return response.json();
  };
  Object.defineProperty(window, ${JSON.stringify(EVENT_DELIVERY_NAME)}, {
    value: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
  });
  const api = createKredoApi(channels, {
    invoke: (channel, request) => (bulkChannels.has(channel) ? bulkInvoke(channel, request) : window[${JSON.stringify(IPC_BINDING_NAME)}](channel, request)),
    subscribe(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return () => listeners.get(channel).delete(listener);
    },
  });
  Object.defineProperty(window, ${JSON.stringify(KREDO_API_GLOBAL)}, { value: api, enumerable: true });
})();`;
}
