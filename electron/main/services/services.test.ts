import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createFileLogger } from './logger';
import { createSecretStore, plaintextSecretCodec, type SecretCodec } from './secret-store';
import { openSettingsStore } from './settings-store';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await dir.remove();
});

describe('settings store', () => {
  it('starts from the defaults and keeps a change across a restart', async () => {
    const logger = createMemoryLogger();
    const first = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'nl' }, logger });
    expect(first.get().language).toBe('nl');
    await first.setLanguage('sv');
    const reopened = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'en' }, logger });
    expect(reopened.get().language).toBe('sv');
  });

  it('tells listeners about a change once, and not about a non-change', async () => {
    const store = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'en' }, logger: createMemoryLogger() });
    const seen: string[] = [];
    store.onChange((next, previous) => seen.push(`${previous.language}→${next.language}`));
    await store.setLanguage('nl');
    await store.setLanguage('nl');
    expect(seen).toEqual(['en→nl']);
  });

  it('moves a damaged settings file aside instead of crashing or deleting it', async () => {
    await writeFile(path.join(dir.path, 'settings.json'), '{"language": "klingon"');
    const logger = createMemoryLogger();
    const store = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'en' }, logger });
    expect(store.get().language).toBe('en');
    const files = await readdir(dir.path);
    const aside = files.find((file) => file.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dir.path, aside!), 'utf8')).toBe('{"language": "klingon"');
    expect(logger.entries.some((entry) => entry.level === 'warn')).toBe(true);
  });
});

describe('secret store', () => {
  // A reversible stand-in for safeStorage that is visibly not plaintext.
  const reversingCodec: SecretCodec = {
    description: 'test',
    isAvailable: () => true,
    encrypt: (plain) => `enc:${[...plain].reverse().join('')}`,
    decrypt: (stored) => [...stored.slice(4)].reverse().join(''),
  };

  it('stores secrets only in encrypted form and gives them back', async () => {
    const store = createSecretStore({ userDataDir: dir.path, codec: reversingCodec, logger: createMemoryLogger() });
    await store.set('insurer.apiKey', 'sk-live-1234');
    expect(await store.get('insurer.apiKey')).toBe('sk-live-1234');
    const onDisk = await readFile(path.join(dir.path, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('sk-live-1234');
    await store.delete('insurer.apiKey');
    expect(await store.get('insurer.apiKey')).toBeUndefined();
  });

  it('refuses to store anything when the keyring cannot encrypt', async () => {
    const store = createSecretStore({ userDataDir: dir.path, codec: { ...reversingCodec, isAvailable: () => false }, logger: createMemoryLogger() });
    expect(store.isAvailable).toBe(false);
    await expect(store.set('insurer.apiKey', 'sk')).rejects.toMatchObject({ code: 'secrets.unavailable' });
    await expect(readdir(dir.path)).resolves.toEqual([]);
  });

  it('round-trips non-ASCII secrets through the Chromium host codec', async () => {
    const store = createSecretStore({ userDataDir: dir.path, codec: plaintextSecretCodec, logger: createMemoryLogger() });
    await store.set('password', 'Åke-ÖVR-€');
    expect(await store.get('password')).toBe('Åke-ÖVR-€');
  });
});

describe('file logger', () => {
  it('writes one JSON line per entry and rotates when the file grows too large', async () => {
    const logger = createFileLogger({ directory: dir.path, maxBytes: 300, keepFiles: 2, now: () => new Date('2026-11-24T09:00:00Z') });
    for (let index = 0; index < 12; index += 1) logger.info('Import finished', { rows: index });
    const files = (await readdir(dir.path)).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    const lines = (await readFile(logger.filePath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.at(-1)).toEqual({ time: '2026-11-24T09:00:00.000Z', level: 'info', message: 'Import finished', rows: 11 });
  });
});
