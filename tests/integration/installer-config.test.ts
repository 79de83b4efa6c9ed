/**
 * The installer configuration as data. The Electron binary and the signing tools cannot run here, so this
 * checks what `npm run dist:win` / `dist:mac` would hand to electron-builder: loaded by electron-builder's
 * own config loader, valid against its own schema, with the fuses, signing, notarisation and update feed
 * the README promises — and no secret in the repository.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { createInstallerConfig, staticInstallerConfig } from '../../electron-builder.config';

/** Where a build's update metadata points until Settings › Updates says where: nowhere (RFC 2606 `.invalid`). */
const UPDATE_FEED_PLACEHOLDER = 'https://updates.kredo.invalid/';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const appBuilderLib = path.dirname(require.resolve('app-builder-lib/package.json'));
const { validateConfiguration } = require(path.join(appBuilderLib, 'out/util/config/config.js')) as {
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const { getConfig } = require(path.join(appBuilderLib, 'out/util/config/load.js')) as {
  getConfig(request: object, configPath: string): Promise<{ result: Configuration }>;
};

const AZURE = {
  KREDO_AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  KREDO_AZURE_SIGNING_ACCOUNT: 'kredo-signing',
  KREDO_AZURE_CERTIFICATE_PROFILE: 'kredo-public-trust',
  KREDO_WIN_PUBLISHER_NAME: 'Kredo B.V.',
};

const validate = (config: Configuration) => validateConfiguration(config, { isEnabled: false, add: () => undefined });

describe('the installer configuration', () => {
  it('is what the dist scripts load, and electron-builder’s schema accepts it with and without signing', async () => {
    const scripts = (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['dist:win', 'dist:mac']) {
      expect(scripts[name]).toContain('electron-builder --config electron-builder.config.ts');
      // Publishing is an explicit step: a build on a tagged commit must not try to upload anything.
      expect(scripts[name]).toContain('--publish never');
    }
    const request = { projectDir: root, packageKey: 'build', configFilename: 'electron-builder', packageMetadata: null };
    const { result } = await getConfig(request, 'electron-builder.config.ts');
    expect(result.appId).toBe('app.kredo.desktop');
    // The static part is electron-builder.yml (the project's fixed layout): what the loader hands over is it.
    expect(result).toEqual(createInstallerConfig(process.env, staticInstallerConfig()));
    expect(result.electronFuses).toEqual(staticInstallerConfig().electronFuses);
    await expect(validate(result)).resolves.toBeUndefined();
    await expect(validate(createInstallerConfig(AZURE))).resolves.toBeUndefined();
  });

  it('flips the fuses: no run-as-Node, no NODE_OPTIONS or --inspect, encrypted cookies, ASAR integrity and ASAR only', () => {
    const config = createInstallerConfig({});
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The integrity check only covers an app packed into app.asar.
    expect(config.asar).toBe(true);
  });

  it('signs Windows with Azure Trusted Signing only when its variables are set, and refuses half of them', () => {
    expect(createInstallerConfig({}).win?.azureSignOptions).toBeUndefined();
    expect(createInstallerConfig(AZURE).win?.azureSignOptions).toEqual({
      endpoint: 'https://weu.codesigning.azure.net',
      codeSigningAccountName: 'kredo-signing',
      certificateProfileName: 'kredo-public-trust',
      publisherName: 'Kredo B.V.',
    });
    expect(() => createInstallerConfig({ KREDO_AZURE_SIGNING_ENDPOINT: AZURE.KREDO_AZURE_SIGNING_ENDPOINT })).toThrow(
      /missing: KREDO_AZURE_SIGNING_ACCOUNT, KREDO_AZURE_CERTIFICATE_PROFILE, KREDO_WIN_PUBLISHER_NAME/,
    );
    expect(createInstallerConfig({}).win?.verifyUpdateCodeSignature).toBe(true);
    expect(createInstallerConfig({}).forceCodeSigning).toBe(false);
    expect(createInstallerConfig({ KREDO_REQUIRE_SIGNING: '1' }).forceCodeSigning).toBe(true);
  });

  it('keeps every certificate and password out of the repository: they come from the environment only', async () => {
    const secretKeys = /^(cscLink|cscKeyPassword|certificateFile|certificatePassword|certificateSubjectName|certificateSha1|identity|appleId|appleIdPassword|password|keychain)$/i;
    const walk = (value: unknown, at: string): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, child]) => [...(secretKeys.test(key) ? [`${at}.${key}`] : []), ...walk(child, `${at}.${key}`)])
        : [];
    expect(walk(createInstallerConfig({}), 'config')).toEqual([]);
    expect(walk(createInstallerConfig(AZURE), 'config')).toEqual([]);
    for (const file of ['electron-builder.config.ts', 'electron-builder.yml']) {
      const source = await readFile(path.join(root, file), 'utf8');
      expect(source).not.toMatch(/(password|secret|cscLink|certificateFile)['"]?\s*:\s*['"`\w]/i);
      expect(source).not.toMatch(/-----BEGIN|MII[A-Za-z0-9+/]{20}/);
    }
  });

  it('builds macOS with the hardened runtime, minimal entitlements and notarisation', async () => {
    const mac = createInstallerConfig({}).mac!;
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.notarize).toBe(true);
    expect(mac.entitlements).toBe('resources/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe('resources/entitlements.mac.plist');
    const plist = await readFile(path.join(root, mac.entitlements!), 'utf8');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.cs.allow-unsigned-executable-memory']);
  });

  it('publishes update metadata for a generic feed, with the ZIP Squirrel.Mac needs, pointing nowhere until Settings says where', () => {
    const config = createInstallerConfig({});
    expect(config.publish).toEqual([{ provider: 'generic', url: UPDATE_FEED_PLACEHOLDER, channel: 'latest' }]);
    expect(new URL(UPDATE_FEED_PLACEHOLDER).hostname.endsWith('.invalid')).toBe(true);
    const macTargets = (config.mac!.target as { target: string }[]).map((target) => target.target);
    expect(macTargets).toEqual(['dmg', 'zip']);
    expect((config.win!.target as { target: string }[]).map((target) => target.target)).toEqual(['nsis']);
  });
});
