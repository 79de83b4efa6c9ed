import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createFileLogger } from './logger';
import { createSecretStore, plaintextSecretCodec, urlOrigin, type SecretCodec } from './secret-store';
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

  const insurer = 'https://api.insurer.example';

  it('stores secrets only in encrypted form and gives them back', async () => {
    const store = createSecretStore({ userDataDir: dir.path, codec: reversingCodec, logger: createMemoryLogger() });
    await store.set('insurer.apiKey', 'sk-live-1234', insurer);
    expect(await store.get('insurer.apiKey', insurer)).toBe('sk-live-1234');
    const onDisk = await readFile(path.join(dir.path, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('sk-live-1234');
    await store.delete('insurer.apiKey');
    expect(await store.get('insurer.apiKey', insurer)).toBeUndefined();
  });

  it('refuses to store anything when the keyring cannot encrypt', async () => {
    const store = createSecretStore({ userDataDir: dir.path, codec: { ...reversingCodec, isAvailable: () => false }, logger: createMemoryLogger() });
    expect(store.isAvailable).toBe(false);
    await expect(store.set('insurer.apiKey', 'sk', insurer)).rejects.toMatchObject({ code: 'secrets.unavailable' });
    await expect(readdir(dir.path)).resolves.toEqual([]);
  });

  it('round-trips non-ASCII secrets through the Chromium host codec', async () => {
    const store = createSecretStore({ userDataDir: dir.path, codec: plaintextSecretCodec, logger: createMemoryLogger() });
    await store.set('password', 'Åke-ÖVR-€', 'https://mail.example');
    expect(await store.get('password', 'https://mail.example')).toBe('Åke-ÖVR-€');
  });

  it('gives a secret out only for the origin it was entered for, and says which that was', async () => {
    const store = createSecretStore({ userDataDir: dir.path, codec: reversingCodec, logger: createMemoryLogger() });
    await store.set('smtp.password', 'hunter2-long', 'https://mail.example:8443');
    expect(await store.boundOrigin('smtp.password')).toBe('https://mail.example:8443');
    expect(await store.get('smtp.password', 'https://mail.example:8443')).toBe('hunter2-long');
    // Another scheme, host or port is another origin.
    for (const other of ['http://mail.example:8443', 'https://mail.example', 'https://evil.example:8443']) {
      await expect(store.get('smtp.password', other)).rejects.toMatchObject({ code: 'secrets.otherOrigin', params: { keyOrigin: 'https://mail.example:8443', origin: other } });
    }
    // Stored again for a new origin, it is no longer given to the old one.
    await store.set('smtp.password', 'hunter3-long', 'https://smtp.example');
    await expect(store.get('smtp.password', 'https://mail.example:8443')).rejects.toMatchObject({ code: 'secrets.otherOrigin' });
    expect(await store.get('smtp.password', 'https://smtp.example')).toBe('hunter3-long');
  });

  it('takes origins only in normal form (scheme, host and port), never a URL with a path', async () => {
    const store = createSecretStore({ userDataDir: dir.path, codec: reversingCodec, logger: createMemoryLogger() });
    await expect(store.set('insurer.apiKey', 'sk-live-1234', 'https://api.insurer.example/v1')).rejects.toThrow(/origin/);
    await expect(store.set('insurer.apiKey', 'sk-live-1234', 'https://api.insurer.example:443')).rejects.toThrow(/origin/);
    expect(urlOrigin('https://API.insurer.example:443/v1/')).toBe('https://api.insurer.example');
    expect(urlOrigin('http://127.0.0.1:4455/v1')).toBe('http://127.0.0.1:4455');
    await expect(readdir(dir.path)).resolves.toEqual([]);
  });

  it('sends a secret stored before secrets had origins nowhere until it is bound, once, to where it was used', async () => {
    await writeFile(path.join(dir.path, 'secrets.json'), JSON.stringify({ 'insurer.apiKey': reversingCodec.encrypt('sk-old-1234') }));
    const store = createSecretStore({ userDataDir: dir.path, codec: reversingCodec, logger: createMemoryLogger() });
    expect(await store.boundOrigin('insurer.apiKey')).toBeUndefined();
    expect(await store.get('insurer.apiKey', insurer)).toBeUndefined();

    expect(await store.bindUnbound('insurer.apiKey', insurer)).toBe(true);
    expect(await store.get('insurer.apiKey', insurer)).toBe('sk-old-1234');
    // A bound secret is never re-bound this way.
    expect(await store.bindUnbound('insurer.apiKey', 'https://evil.example')).toBe(false);
    await expect(store.get('insurer.apiKey', 'https://evil.example')).rejects.toMatchObject({ code: 'secrets.otherOrigin' });
    const reopened = createSecretStore({ userDataDir: dir.path, codec: reversingCodec, logger: createMemoryLogger() });
    expect(await reopened.boundOrigin('insurer.apiKey')).toBe(insurer);
    expect(await readFile(path.join(dir.path, 'secrets.json'), 'utf8')).not.toContain('sk-old-1234');
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
