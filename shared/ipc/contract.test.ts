import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, KREDO_CHANNELS } from './channels';
import { EVENT_CONTRACT, INVOKE_CONTRACT } from './contract';
import { createKredoApi } from './create-kredo-api';

describe('IPC contract', () => {
  it('has request and response schemas for exactly the channels in channels.ts', () => {
    expect(Object.keys(INVOKE_CONTRACT).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    expect(Object.keys(EVENT_CONTRACT).sort()).toEqual(Object.keys(EVENT_CHANNELS).sort());
  });

  it('uses unique domain:verb channel names', () => {
    const names = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('rejects extra fields and wrong types in requests', () => {
    const { request } = INVOKE_CONTRACT.setLanguage;
    expect(request.safeParse({ language: 'nl' }).success).toBe(true);
    expect(request.safeParse({ language: 'de' }).success).toBe(false);
    expect(request.safeParse({ language: 'nl', admin: true }).success).toBe(false);
    expect(INVOKE_CONTRACT.getBootstrap.request.safeParse({ anything: 1 }).success).toBe(false);
  });
});

describe('createKredoApi', () => {
  it('exposes one function per channel and nothing else', async () => {
    const calls: [string, unknown][] = [];
    const api = createKredoApi(KREDO_CHANNELS, {
      invoke: async (channel, request) => {
        calls.push([channel, request]);
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
    });
    expect(Object.keys(api).sort()).toEqual([...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await (api['setLanguage'] as (r: unknown) => Promise<unknown>)({ language: 'sv' });
    await (api['getBootstrap'] as () => Promise<unknown>)();
    expect(calls).toEqual([
      ['settings:set-language', { language: 'sv' }],
      ['app:get-bootstrap', {}],
    ]);
  });

  it('is self-contained, so the Chromium host can ship its source text into the page', () => {
    // Rebuild the function from its source alone, as the host's init script does.
    const rebuilt = new Function(`return (${createKredoApi.toString()})`)() as typeof createKredoApi;
    const received: unknown[] = [];
    const api = rebuilt({ invoke: {}, events: { onPing: 'test:ping' } }, {
      invoke: async () => undefined,
      subscribe: (channel, listener) => {
        listener({ channel });
        return () => undefined;
      },
    });
    (api['onPing'] as (listener: (payload: unknown) => void) => void)((payload) => received.push(payload));
    expect(received).toEqual([{ channel: 'test:ping' }]);
    expect(() => (api['onPing'] as (listener: unknown) => void)('not a function')).toThrow(TypeError);
  });
});
