import { describe, expect, it } from 'vitest';
import { KredoError } from '../../../shared/errors/kredo-error';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { createOriginPolicy } from '../security/origin-policy';
import { createIpcDispatcher } from './ipc-dispatcher';
import type { IpcHandlers } from './ipc-handlers';

const APP_PAGE = 'app://kredo/index.html';

const notUsedHere = () => {
  throw new Error('not used in this test');
};

function setup(overrides: Partial<IpcHandlers> = {}) {
  const calls: unknown[] = [];
  const handlers = {
    ...(Object.fromEntries(Object.keys(INVOKE_CHANNELS).map((method) => [method, notUsedHere])) as unknown as IpcHandlers),
    getBootstrap: () => ({ appVersion: '1.0.0', platform: 'linux', host: 'chromium', language: 'nl', logFilePath: '/logs/main.log', today: '2026-11-24' as never, isClockFixed: true }),
    setLanguage: ({ language }) => {
      calls.push(language);
      return { language };
    },
    openExternalLink: () => ({ opened: true }),
    openLogFolder: () => ({ path: '/logs' }),
    reportRendererError: () => ({}),
    ...overrides,
  } satisfies IpcHandlers;
  const logger = createMemoryLogger();
  const dispatch = createIpcDispatcher({ handlers, isAllowedSender: createOriginPolicy([APP_PAGE]), logger });
  return { dispatch, logger, calls };
}

describe('createIpcDispatcher', () => {
  it('runs the handler for a valid request from the app and returns its answer', async () => {
    const { dispatch, calls } = setup();
    await expect(dispatch('settings:set-language', { language: 'sv' }, APP_PAGE)).resolves.toEqual({ ok: true, value: { language: 'sv' } });
    expect(calls).toEqual(['sv']);
  });

  it('refuses calls from any other page without running the handler', async () => {
    const { dispatch, calls, logger } = setup();
    const result = await dispatch('settings:set-language', { language: 'sv' }, 'https://evil.example/');
    expect(result).toEqual({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    expect(calls).toEqual([]);
    expect(logger.entries.some((entry) => entry.level === 'warn' && entry.fields?.['senderUrl'] === 'https://evil.example/')).toBe(true);
  });

  it('refuses payloads that break the contract without running the handler', async () => {
    const { dispatch, calls } = setup();
    for (const payload of [undefined, null, 'nl', { language: 'de' }, { language: 'nl', extra: 1 }, { language: ['nl'] }]) {
      expect(await dispatch('settings:set-language', payload, APP_PAGE)).toEqual({
        ok: false,
        error: { code: 'ipc.invalidRequest', params: { channel: 'settings:set-language' } },
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses unknown channels', async () => {
    const { dispatch } = setup();
    expect(await dispatch('fs:read-file', { path: '/etc/passwd' }, APP_PAGE)).toEqual({
      ok: false,
      error: { code: 'ipc.unknownChannel', params: { channel: 'fs:read-file' } },
    });
  });

  it('passes a user-facing error through with its code and parameters', async () => {
    const { dispatch } = setup({
      openExternalLink: () => {
        throw new KredoError('shell.unsafeUrl', { url: 'file:///x' });
      },
    });
    expect(await dispatch('shell:open-external', { url: 'file:///x' }, APP_PAGE)).toEqual({
      ok: false,
      error: { code: 'shell.unsafeUrl', params: { url: 'file:///x' } },
    });
  });

  it('hides unexpected failures behind the generic code and logs their stack', async () => {
    const { dispatch, logger } = setup({
      openLogFolder: () => {
        throw new Error('EACCES: permission denied, open /secret/path');
      },
    });
    expect(await dispatch('help:open-log-folder', {}, APP_PAGE)).toEqual({ ok: false, error: { code: 'internal' } });
    const logged = logger.entries.find((entry) => entry.level === 'error');
    expect(logged?.fields?.['stack']).toContain('EACCES');
  });

  it('does not let a handler leak fields the contract does not name', async () => {
    const { dispatch } = setup({
      openLogFolder: () => ({ path: '/logs', token: 'secret' }) as unknown as { path: string },
    });
    expect(await dispatch('help:open-log-folder', {}, APP_PAGE)).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
