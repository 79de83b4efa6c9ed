/**
 * The preload: the only bridge between the sandboxed page and the main process. It exposes exactly one
 * function per contract channel (built by `createKredoApi`) under `window.kredo` and nothing else: no
 * `ipcRenderer`, no generic `send` or `on` (Electron context-isolation guide). It runs sandboxed, so it is
 * bundled into one CommonJS file that requires only `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { KREDO_API_GLOBAL, KREDO_CHANNELS } from '../../shared/ipc/channels';
import { createKredoApi } from '../../shared/ipc/create-kredo-api';

const api = createKredoApi(KREDO_CHANNELS, {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe(channel, listener) {
    // The event object is dropped here: it carries `sender`, a reference back to ipcRenderer.
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});

contextBridge.exposeInMainWorld(KREDO_API_GLOBAL, api);
