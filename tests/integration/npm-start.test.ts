/**
 * `npm start` where the Electron binary cannot be fetched (this build machine, a laptop offline): the user is
 * told in one sentence that Kredo opens in Chromium instead — no raw stack trace from Electron's installer.
 * The real `scripts/start.mjs` runs with the real installer; the download fails at once against a closed
 * local port (ELECTRON_MIRROR), and `npm` is a stand-in on PATH that records what it was asked to run.
 */
import { spawnSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');
let dir: Awaited<ReturnType<typeof makeTempDir>>;

beforeEach(async () => {
  dir = await makeTempDir('kredo-npm-start-');
  const npm = path.join(dir.path, 'npm');
  await writeFile(npm, `#!/bin/sh\necho "$@" > "${path.join(dir.path, 'npm-args')}"\n`);
  await chmod(npm, 0o755);
});
afterEach(() => dir.remove());

function start(extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dir.path}${path.delimiter}${process.env.PATH ?? ''}`, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: dir.path, ...extraEnv };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.KREDO_START_VERBOSE;
  Object.assign(env, extraEnv);
  return spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, encoding: 'utf8' });
}

describe.runIf(process.platform !== 'win32')('npm start without the Electron binary', () => {
  it('says in one sentence that Kredo opens in Chromium, prints no stack trace, and starts the Chromium host', async () => {
    const result = start();
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toContain('The Electron binary could not be fetched (no internet access?), so Kredo opens in Chromium instead.');
    expect(output).not.toMatch(/TypeError|Error:|\n\s+at /);
    expect((await readFile(path.join(dir.path, 'npm-args'), 'utf8')).trim()).toBe('run start:chromium');
  });

  it('shows the installer’s own output when asked to (KREDO_START_VERBOSE=1)', () => {
    const result = start({ KREDO_START_VERBOSE: '1' });
    expect(`${result.stdout}${result.stderr}`).toMatch(/\n\s+at /);
  });
});
