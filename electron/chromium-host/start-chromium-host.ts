/**
 * `npm run start:chromium`: Kredo in Debian's Chromium for machines without the Electron binary. With a
 * display it opens a real window and runs until that window is closed; without one it runs headless, saves
 * a screenshot to prove the app is up, and runs until Ctrl+C.
 *
 * Options: --headless, --user-data <folder>, --screenshot <file>, --exit (stop after loading; for scripts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { startChromiumHost } from './chromium-host';
import { defaultUserDataDir } from './user-data-dir';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    'user-data': { type: 'string' },
    screenshot: { type: 'string' },
    exit: { type: 'boolean', default: false },
  },
});

const rendererDir = path.resolve('out/renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built yet. Run `npm run build` first (npm run start:chromium does this for you).');
  process.exit(1);
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
const headless = values.headless || !hasDisplay;
const userDataDir = values['user-data'] ? path.resolve(values['user-data']) : defaultUserDataDir();

let host;
try {
  host = await startChromiumHost({ userDataDir, rendererDir, appVersion: packageJson.version, headless, echoLog: true, viewport: headless ? undefined : null });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/ProcessSingleton|profile.*in use|SingletonLock/i.test(message)) {
    console.error('Kredo is already running with this user-data folder. Close the other window first.');
  } else {
    console.error(`Kredo could not start Chromium: ${message}`);
    console.error('Install it with `apt-get install chromium`, or point KREDO_CHROMIUM at a Chromium or Chrome executable.');
  }
  process.exit(1);
}

await host.page.getByRole('main').waitFor();
const screenshot = values.screenshot ?? (headless ? path.join(userDataDir, 'chromium-host.png') : undefined);
if (screenshot) await host.page.screenshot({ path: screenshot });

console.log(`Kredo is running in Chromium (${headless ? 'headless, no display found' : 'window'}).`);
console.log(`  User data: ${userDataDir}`);
console.log(`  Log file:  ${host.services.logger.filePath}`);
if (screenshot) console.log(`  Screenshot: ${screenshot}`);

const stop = async () => {
  await host.close().catch(() => undefined);
  process.exit(0);
};
if (values.exit) await stop();
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
host.context.on('close', () => process.exit(0));
if (headless) console.log('Press Ctrl+C to stop.');
