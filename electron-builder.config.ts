/**
 * The installers' signing, chosen from the environment. `npm run dist:win` / `dist:mac` pass
 * `--config electron-builder.config.ts`; everything static — targets, fuses, entitlements, update feed — is in
 * electron-builder.yml, which this file reads and extends with what YAML cannot express: electron-builder does
 * not expand `${env.X}` inside `win.azureSignOptions`, so Azure signing could only be on for every build or off
 * for every build. No certificate, password or account name lives in the repository.
 *
 * tests/integration/installer-config.test.ts checks both files as data against electron-builder's own schema.
 */
import { readFileSync } from 'node:fs';
import type { Configuration } from 'electron-builder';
import { load } from 'js-yaml';

type Env = Readonly<Record<string, string | undefined>>;

/** The static configuration: electron-builder.yml beside this file. */
export function staticInstallerConfig(): Configuration {
  return load(readFileSync(new URL('./electron-builder.yml', import.meta.url), 'utf8')) as Configuration;
}

/** Azure Trusted Signing, chosen when these are set; the sign-in itself is Azure's (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET). */
export const AZURE_SIGNING_ENV = {
  endpoint: 'KREDO_AZURE_SIGNING_ENDPOINT',
  codeSigningAccountName: 'KREDO_AZURE_SIGNING_ACCOUNT',
  certificateProfileName: 'KREDO_AZURE_CERTIFICATE_PROFILE',
  publisherName: 'KREDO_WIN_PUBLISHER_NAME',
} as const;

function azureSignOptions(env: Env) {
  const names = Object.values(AZURE_SIGNING_ENV);
  const given = names.filter((name) => env[name]);
  if (given.length === 0) return undefined;
  // Half a configuration is a mistake, not a wish for an unsigned installer: stop rather than ship one.
  if (given.length < names.length) {
    throw new Error(`Azure Trusted Signing needs ${names.join(', ')}; missing: ${names.filter((name) => !env[name]).join(', ')}`);
  }
  return {
    endpoint: env[AZURE_SIGNING_ENV.endpoint]!,
    codeSigningAccountName: env[AZURE_SIGNING_ENV.codeSigningAccountName]!,
    certificateProfileName: env[AZURE_SIGNING_ENV.certificateProfileName]!,
    publisherName: env[AZURE_SIGNING_ENV.publisherName]!,
  };
}

/**
 * The configuration for one build, from its environment. Without any signing variables the result is an
 * unsigned installer for testing; `KREDO_REQUIRE_SIGNING=1` (for release builds) makes a missing
 * certificate an error instead. Certificates other than Azure's are electron-builder's own variables:
 * CSC_LINK + CSC_KEY_PASSWORD (or WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD), and notarisation reads
 * APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID or APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER.
 */
export function createInstallerConfig(env: Env, base: Configuration = staticInstallerConfig()): Configuration {
  const azure = azureSignOptions(env);
  return {
    ...base,
    forceCodeSigning: env['KREDO_REQUIRE_SIGNING'] === '1',
    win: { ...base.win, ...(azure && { azureSignOptions: azure }) },
  };
}

export default createInstallerConfig(process.env);
