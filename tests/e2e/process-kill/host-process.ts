/**
 * The Chromium host in a process of its own, for the process-kill test: the test kills this process and
 * its Chromium with SIGKILL, as a power cut or the task manager would, which it could not do to a host
 * running inside Playwright's own process. Chromium listens for DevTools on a free port, so the test drives
 * the same page (page models, workers) over CDP; the line printed on stdout says where.
 *
 * Usage: node --import tsx tests/e2e/process-kill/host-process.ts --user-data <folder> --today <YYYY-MM-DD>
 * SIGTERM closes the app properly (the store and the backups as a normal quit leaves them).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../../package.json' with { type: 'json' };
import { startChromiumHost } from '../../../electron/chromium-host/chromium-host';
import { createRecordingDesktop } from '../../../electron/chromium-host/host-desktop';
import type { IsoDate } from '../../../shared/time/iso-date';

const { values } = parseArgs({ options: { 'user-data': { type: 'string' }, today: { type: 'string' } } });
const userDataDir = values['user-data'];
if (!userDataDir || !values.today) throw new Error('host-process needs --user-data and --today');

// A port file left by an earlier (killed) run would point at a port nobody listens on any more.
const portFile = path.join(userDataDir, 'chromium-profile', 'DevToolsActivePort');
await rm(portFile, { force: true });
const host = await startChromiumHost({
  userDataDir,
  rendererDir: path.resolve('out/renderer'),
  appVersion: packageJson.version,
  headless: true,
  systemLocales: ['en-GB'],
  desktop: createRecordingDesktop(),
  today: values.today as IsoDate,
  extraChromiumArgs: ['--remote-debugging-port=0'],
});
// Chromium writes the port it chose into the profile folder (the first line of DevToolsActivePort).
let port: string | undefined;
for (let attempt = 0; !port; attempt += 1) {
  if (attempt > 600) throw new Error('Chromium did not say which port DevTools listens on');
  port = (await readFile(portFile, 'utf8').catch(() => '')).split('\n')[0] || undefined;
  if (!port) await new Promise((resolve) => setTimeout(resolve, 50));
}
process.stdout.write(`${JSON.stringify({ cdpEndpoint: `http://127.0.0.1:${port}` })}\n`);

process.once('SIGTERM', () => {
  host.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
