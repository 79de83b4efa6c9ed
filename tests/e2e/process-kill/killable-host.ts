import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from '@playwright/test';
import { HOST_ORIGIN_URL } from '../../../electron/chromium-host/host-origin';
import type { IsoDate } from '../../../shared/time/iso-date';
import { openWorkerSession, type WorkerSession } from './worker-session';

/** A Kredo (host process and its Chromium) running beside the test, which can be killed as a whole. */
export interface KillableHost {
  readonly page: Page;
  /** The app's data worker (the Web Worker that holds the store), once it runs. */
  dataWorker(): Promise<WorkerSession>;
  /** SIGKILL to every process of the app at once, Chromium's first: nothing is flushed or closed. */
  kill(): Promise<void>;
  /** Quits the app properly, as the user closing its window would. */
  stop(): Promise<void>;
}

interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly name: string;
}

/** Every process on this machine with its parent, from /proc (Linux, where the tests run). */
function processTable(): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read from the last ')'.
      const close = stat.lastIndexOf(')');
      const [state, ppid] = stat.slice(close + 2).split(' ');
      if (state === 'Z' || state === 'X') continue;
      table.push({ pid: Number(entry), ppid: Number(ppid), name: stat.slice(stat.indexOf('(') + 1, close) });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

/** The process and all its descendants, parents before children. */
function processTree(root: number): ProcessInfo[] {
  const table = processTable();
  const tree: ProcessInfo[] = [];
  let generation = table.filter((info) => info.pid === root);
  while (generation.length > 0) {
    tree.push(...generation);
    const parents = new Set(generation.map((info) => info.pid));
    generation = table.filter((info) => parents.has(info.ppid));
  }
  return tree;
}

const isAlive = (pid: number) => processTable().some((info) => info.pid === pid);

async function untilGone(pids: readonly number[]): Promise<void> {
  for (let round = 0; pids.some(isAlive); round += 1) {
    if (round > 500) throw new Error(`Processes ${pids.join(', ')} survived SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Reads the host process's one line saying where its Chromium listens for DevTools. */
function endpointOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const errors: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
    lines.on('line', (line) => {
      const endpoint = /^\{"cdpEndpoint":"([^"]+)"\}$/.exec(line)?.[1];
      if (endpoint) resolve(endpoint);
    });
    child.once('exit', (code) => reject(new Error(`The host process ended (${code}) before it was ready:\n${errors.join('')}`)));
  });
}

/** The app's page in a connection to the host's Chromium. */
function appPage(browser: Browser): Page {
  const page = browser.contexts()[0]!.pages().find((candidate) => candidate.url().startsWith(HOST_ORIGIN_URL));
  if (!page) throw new Error('The host has no page on the app origin');
  return page;
}

/** Hosts started and not yet killed or stopped: a trial that fails half-way leaves its host here. */
const running = new Set<KillableHost>();

/**
 * Kills every host a test left running (its trial failed before the kill): otherwise it would hold the
 * machine's cores, its Chromium and its port through every test after it.
 */
export async function killLeftoverHosts(): Promise<void> {
  for (const host of [...running]) await host.kill();
}

/**
 * Starts Kredo's Chromium host in a process of its own (host-process.ts) on the given user-data folder and
 * connects to its page over CDP. Its profile lives in that folder, so IndexedDB and the backups survive a
 * kill and a restart, just as they do for the desktop app.
 */
export async function startKillableHost(options: { readonly userDataDir: string; readonly today: IsoDate }): Promise<KillableHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/e2e/process-kill/host-process.ts'), '--user-data', options.userDataDir, '--today', options.today], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let endpoint: string;
  let browser: Browser;
  try {
    endpoint = await endpointOf(child);
    browser = await chromium.connectOverCDP(endpoint);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const sessions: WorkerSession[] = [];
  const page = appPage(browser);
  const profile = path.join(options.userDataDir, 'chromium-profile');
  const disconnect = async () => {
    for (const session of sessions) session.close();
    await browser.close().catch(() => undefined);
  };
  const host: KillableHost = {
    page,
    async dataWorker() {
      for (let round = 0; ; round += 1) {
        const session = await openWorkerSession(endpoint, 'data-worker');
        if (session) {
          sessions.push(session);
          return session;
        }
        if (round > 120) throw new Error('The app’s data worker did not start within two minutes');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    },
    async kill() {
      running.delete(host);
      const tree = processTree(child.pid!);
      const chromiumFirst = [...tree.filter((info) => info.pid !== child.pid), ...tree.filter((info) => info.pid === child.pid)];
      for (const info of chromiumFirst) {
        try {
          process.kill(info.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await untilGone(tree.map((info) => info.pid));
      await exited;
      await disconnect();
      // A crashed Chromium leaves its profile lock behind; a new one takes it over once the owner is gone,
      // unless a killed process lingers as a zombie nobody reaps (as in some containers). It is gone: drop it.
      await Promise.all(['SingletonLock', 'SingletonSocket', 'SingletonCookie'].map((name) => rm(path.join(profile, name), { force: true })));
    },
    async stop() {
      running.delete(host);
      child.kill('SIGTERM');
      await exited;
      await disconnect();
    },
  };
  running.add(host);
  return host;
}
