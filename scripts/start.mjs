#!/usr/bin/env node
/**
 * `npm start`: the desktop app in development (electron-vite dev, with hot reload).
 *
 * Electron's npm package fetches its binary on first use, from GitHub. Where that cannot work (a build
 * machine without internet, or ELECTRON_SKIP_BINARY_DOWNLOAD=1), this script says so and starts the same
 * app in the Chromium host instead, so `npm start` always opens Kredo.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinaryPresent() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  return existsSync(pathFile) && existsSync(path.join(dir, 'dist', readFileSync(pathFile, 'utf8')));
}

function fetchElectronBinary() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return false;
  console.log('Fetching the Electron binary (once)…');
  const installer = require.resolve('electron/install.js');
  // The installer's own failure is a raw stack trace ("TypeError: fetch failed …"); the user needs one sentence
  // (below), so its output is kept and shown only when KREDO_START_VERBOSE=1 asks for it.
  const result = spawnSync(process.execPath, [installer], { encoding: 'utf8' });
  if (result.status !== 0 && process.env.KREDO_START_VERBOSE === '1') process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  return result.status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}

if (electronBinaryPresent() || fetchElectronBinary()) {
  run(npm, ['exec', '--', 'electron-vite', 'dev']);
} else {
  console.log('\nThe Electron binary could not be fetched (no internet access?), so Kredo opens in Chromium instead.\n');
  run(npm, ['run', 'start:chromium']);
}
