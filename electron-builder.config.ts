/**
 * The installers: `npm run dist:win` (NSIS, on Windows) and `npm run dist:mac` (DMG + ZIP, on macOS), both
 * passing `--config electron-builder.config.ts`. electron-builder downloads the Electron runtime for the
 * target, so these need internet access; they do not run on the build machines without it (see README,
 * "Building installers"). This file is code rather than YAML because signing is chosen from the
 * environment: no certificate, password or account name lives in the repository.
 *
 * tests/integration/installer-config.test.ts checks it as data against electron-builder's own schema.
 */
import type { Configuration } from 'electron-builder';
import { APP_ID, APP_NAME } from './shared/app-identity';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Electron's fuses, flipped in the packaged binary before it is signed (electron-builder `electronFuses`,
 * @electron/fuses; Electron docs "Electron Fuses" and the security checklist). Each closes a way to run
 * other code with Kredo's identity — and so with its keychain entries and its signed-app trust:
 */
export const KREDO_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn Kredo.exe into a plain, signed Node.js. Kredo uses worker threads, not `fork`. */
  runAsNode: false,
  /** The cookie store on disk is encrypted with the OS key, as in Chrome (a one-way switch: never turn it off again). */
  enableCookieEncryption: true,
  /** NODE_OPTIONS / NODE_EXTRA_CA_CERTS would let anyone who can set an environment variable preload code or trust a CA. */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect and SIGUSR1 would open a debugger on the main process, where the insurer's API key lives. */
  enableNodeCliInspectArguments: false,
  /** app.asar is checked against the hash in the signed Info.plist / resources; a patched archive does not start. */
  enableEmbeddedAsarIntegrityValidation: true,
  /** Only app.asar is loaded, never a loose `app/` folder next to it, so the integrity check cannot be side-stepped. */
  onlyLoadAppFromAsar: true,
  /** The renderer is served on app://, never file://, so file:// pages get no extra privileges. */
  grantFileProtocolExtraPrivileges: false,
} as const;

/**
 * Where the update feed of a build points until the user sets one: nowhere. Kredo never reads it — the
 * address comes from Settings › Updates (electron/main/updates/) — but electron-builder needs a generic URL
 * to write `latest.yml` / `latest-mac.yml` next to the installers. `.invalid` never resolves (RFC 2606).
 */
export const UPDATE_FEED_PLACEHOLDER = 'https://updates.kredo.invalid/';

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
export function createInstallerConfig(env: Env): Configuration {
  const azure = azureSignOptions(env);
  return {
    appId: APP_ID,
    productName: APP_NAME,
    copyright: 'Copyright © 2026 Kredo',
    directories: { output: 'dist', buildResources: 'resources' },
    // Only the build output and the window icon ship; main-process runtime packages (package.json
    // "dependencies") are added by electron-builder. The renderer is fully bundled into out/renderer.
    files: ['out/**', '!out/**/*.map', 'resources/icon.png', 'package.json'],
    // The fuses' integrity check covers app.asar only: the app must be packed into one.
    asar: true,
    electronFuses: KREDO_FUSES,
    forceCodeSigning: env['KREDO_REQUIRE_SIGNING'] === '1',
    publish: [{ provider: 'generic', url: UPDATE_FEED_PLACEHOLDER, channel: 'latest' }],
    win: {
      target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
      icon: 'resources/icon.png',
      // electron-updater refuses an update whose installer is not signed by the same publisher.
      verifyUpdateCodeSignature: true,
      ...(azure && { azureSignOptions: azure }),
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: APP_NAME,
      artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
    },
    mac: {
      // The DMG is what people install; the ZIP is what electron-updater (Squirrel.Mac) downloads.
      target: [
        { target: 'dmg', arch: ['universal'] },
        { target: 'zip', arch: ['universal'] },
      ],
      category: 'public.app-category.finance',
      icon: 'resources/icon.png',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'resources/entitlements.mac.plist',
      entitlementsInherit: 'resources/entitlements.mac.plist',
      // Notarised whenever Apple credentials are in the environment (see above); skipped with a warning otherwise.
      notarize: true,
    },
    dmg: { artifactName: '${productName}-${version}.${ext}' },
  };
}

export default createInstallerConfig(process.env);
