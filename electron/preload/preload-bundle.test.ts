/**
 * The real preload, as it ships: built with the project's own electron-vite configuration (the `preload`
 * section of electron.vite.config.ts) and run in a fresh `vm` context against a fake `electron` module. The
 * e2e tests go through the Chromium host's stand-in (electron/chromium-host/bridge-init-script.ts), so this is
 * the only test that runs the file Electron loads. It holds the preload to the Electron security checklist
 * (context isolation: expose one function per message, never `ipcRenderer` or a generic send/on) and to the
 * sandbox's rule that a preload is one CommonJS file requiring nothing but `electron`.
 */
import vm from 'node:vm';
import { resolveConfig } from 'electron-vite';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, KREDO_API_GLOBAL } from '../../shared/ipc/channels';

type Listener = (...args: unknown[]) => unknown;

interface LoadedPreload {
  readonly required: string[];
  readonly exposed: { key: string; api: Record<string, unknown> }[];
  readonly invoked: unknown[][];
  readonly listeners: Map<string, Set<Listener>>;
  readonly ipcRenderer: Record<string, unknown>;
}

let bundle: { fileName: string; code: string };

/** Builds the preload in memory exactly as `electron-vite build` does, without writing to out/. */
async function buildPreload(): Promise<{ fileName: string; code: string }> {
  const nodeEnv = process.env['NODE_ENV'];
  try {
    const { config } = await resolveConfig({ logLevel: 'silent', build: { write: false } }, 'build', 'production');
    const output = (await build(config!.preload!)) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((file) => file.type === 'chunk');
    expect(chunks.map((chunk) => chunk.fileName)).toEqual(['index.cjs']);
    return { fileName: chunks[0]!.fileName, code: chunks[0]!.code };
  } finally {
    // electron-vite's resolveConfig sets NODE_ENV for the build; the rest of this test process is a test.
    process.env['NODE_ENV'] = nodeEnv;
  }
}

/** Runs the bundle as Electron's sandboxed preload loader would: a CommonJS wrapper, `require` limited. */
function loadPreload(): LoadedPreload {
  const loaded: LoadedPreload = { required: [], exposed: [], invoked: [], listeners: new Map(), ipcRenderer: {} };
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      loaded.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on: (channel: string, listener: Listener) => {
      loaded.listeners.set(channel, (loaded.listeners.get(channel) ?? new Set()).add(listener));
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      loaded.listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    send: () => undefined,
    sendSync: () => undefined,
  };
  Object.assign(loaded.ipcRenderer, ipcRenderer);
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) => loaded.exposed.push({ key, api }),
    },
    ipcRenderer: loaded.ipcRenderer,
  };
  const fakeRequire = (id: string) => {
    loaded.required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  // An empty context: no Node globals (process, Buffer), as in a sandboxed renderer.
  const wrapper = vm.runInNewContext(`(function (exports, require, module) {\n${bundle.code}\n})`, {}, { filename: bundle.fileName }) as (
    exports: unknown,
    require: (id: string) => unknown,
    module: unknown,
  ) => void;
  wrapper(module.exports, fakeRequire, module);
  return loaded;
}

const exposedApi = (loaded: LoadedPreload) => loaded.exposed[0]!.api as Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  bundle = await buildPreload();
});

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes one global, under the contract’s name, frozen', () => {
    const loaded = loadPreload();
    expect(loaded.exposed.map((exposed) => exposed.key)).toEqual([KREDO_API_GLOBAL]);
    expect(Object.isFrozen(loaded.exposed[0]!.api)).toBe(true);
  });

  it('holds exactly one function per contract channel and nothing of ipcRenderer', () => {
    const loaded = loadPreload();
    const api = exposedApi(loaded);
    expect(Object.getOwnPropertyNames(api).sort()).toEqual([...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)].sort());
    expect(Object.getOwnPropertySymbols(api)).toEqual([]);
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function');
      expect(Object.values(loaded.ipcRenderer), name).not.toContain(value);
    }
  });

  it('sends each call to its own channel with the request, or {} when there is none, and passes the answer back', async () => {
    const loaded = loadPreload();
    const api = exposedApi(loaded);
    for (const [method, channel] of Object.entries(INVOKE_CHANNELS)) {
      loaded.invoked.length = 0;
      await expect(api[method]!({ probe: method })).resolves.toEqual({ ok: true, value: 'answer' });
      expect(loaded.invoked, method).toEqual([[channel, { probe: method }]]);
    }
    loaded.invoked.length = 0;
    await api['getBootstrap']!();
    expect(loaded.invoked).toEqual([['app:get-bootstrap', {}]]);
  });

  it('hands subscribers the payload only, never the event object (its sender leads back to ipcRenderer), and unsubscribes', () => {
    const loaded = loadPreload();
    const api = exposedApi(loaded);
    for (const [method, channel] of Object.entries(EVENT_CHANNELS)) {
      const received: unknown[][] = [];
      const unsubscribe = api[method]!((...args: unknown[]) => received.push(args)) as () => void;
      const emit = (payload: unknown) => {
        for (const listener of loaded.listeners.get(channel) ?? []) listener({ sender: loaded.ipcRenderer, senderId: 0 }, payload);
      };
      emit({ n: 1 });
      expect(received, method).toEqual([[{ n: 1 }]]);
      unsubscribe();
      emit({ n: 2 });
      expect(received, method).toEqual([[{ n: 1 }]]);
      expect(loaded.listeners.get(channel)?.size ?? 0, method).toBe(0);
      // The error is the vm context's TypeError, so it is matched by its message.
      expect(() => api[method]!('not a function')).toThrow(`${method} needs a listener function`);
    }
  });
});
