import { copyFile, readFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createSandboxServer, type SandboxServer } from '../../../electron/sandbox/sandbox-server';
import { fixedClock } from '../../../shared/time/clock';
import type { IsoDate } from '../../../shared/time/iso-date';
import { makeTempDir } from '../../support/temp-dir';

/** One call the app made to the insurer's API, as it arrived. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | undefined;
}

/** A limit request as the insurer holds it (the sandbox's state file). */
export interface InsurerRequestRecord {
  readonly requestId: string;
  readonly companyId: string;
}

/**
 * The sandbox insurer in the test's own process, behind a counting front on a fixed address: it outlives
 * every kill of the app, counts each call it receives (per Idempotency-Key), and can hold calls back, so
 * a test can kill the app while a request is with the insurer and its answer has not come back. Each trial
 * gets a sandbox of its own from a saved state file, on the insurer's fixed clock, behind the same address.
 */
export interface CountingInsurer {
  /** The API's base URL as the app is configured with it. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly policyId: string;
  /** Calls received since the current sandbox started. */
  readonly received: readonly ReceivedRequest[];
  /** A fresh sandbox from a copy of `stateFile` (a new demo sandbox without one). */
  start(stateFile?: string): Promise<void>;
  /** Closes the current sandbox and keeps a copy of its state for later trials. */
  saveState(target: string): Promise<void>;
  /** The limit requests the insurer has created. */
  createdRequests(): Promise<InsurerRequestRecord[]>;
  admin(method: string, route: string, body?: unknown): Promise<unknown>;
  /** Calls (those that match, or all) wait until `release`; each is counted when it arrives. */
  hold(matches?: (request: ReceivedRequest) => boolean): void;
  release(): void;
  /** Resolves on the first call (counted from now) that `matches`. */
  nextRequest(matches: (request: ReceivedRequest) => boolean): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

const ADMIN_TOKEN = 'process-kill-test';

function bodyOf(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

export async function startCountingInsurer(options: { readonly today: IsoDate }): Promise<CountingInsurer> {
  const folder = await makeTempDir('kredo-kill-insurer-');
  let trial = 0;
  let sandbox: SandboxServer | undefined;
  let stateFile = '';
  let received: ReceivedRequest[] = [];
  let gate: { promise: Promise<void>; open: () => void; matches: (request: ReceivedRequest) => boolean } | undefined;
  const waiters: { matches: (request: ReceivedRequest) => boolean; resolve: (request: ReceivedRequest) => void }[] = [];

  const front = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await bodyOf(incoming);
      const key = incoming.headers['idempotency-key'];
      const call: ReceivedRequest = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', idempotencyKey: typeof key === 'string' ? key : undefined };
      if (call.path.startsWith('/v1/')) {
        received.push(call);
        for (const waiter of waiters.splice(0)) {
          if (waiter.matches(call)) waiter.resolve(call);
          else waiters.push(waiter);
        }
      }
      if (gate && call.path.startsWith('/v1/') && gate.matches(call)) await gate.promise;
      if (!sandbox) throw new Error('No sandbox running');
      const target = new URL(sandbox.url);
      const upstream = httpRequest({ host: target.hostname, port: target.port, method: call.method, path: call.path, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      upstream.on('error', () => outgoing.destroy());
      upstream.end(body);
    })().catch(() => outgoing.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', () => resolve()));
  const { port } = front.address() as AddressInfo;

  const insurer: CountingInsurer = {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey: '',
    policyId: 'sandbox-1001',
    get received() {
      return received;
    },
    async start(source) {
      await sandbox?.close();
      trial += 1;
      stateFile = path.join(folder.path, `state-${trial}.json`);
      if (source) await copyFile(source, stateFile);
      sandbox = await createSandboxServer({ stateFile, clock: fixedClock(`${options.today}T12:00:00Z`), adminToken: ADMIN_TOKEN });
      (insurer as { apiKey: string }).apiKey = sandbox.apiKey;
      received = [];
    },
    async saveState(target) {
      await sandbox?.close();
      sandbox = undefined;
      await copyFile(stateFile, target);
    },
    async createdRequests() {
      const state = JSON.parse(await readFile(stateFile, 'utf8')) as { requests: InsurerRequestRecord[] };
      return state.requests;
    },
    async admin(method, route, body) {
      if (!sandbox) throw new Error('No sandbox running');
      const response = await fetch(`${sandbox.url}/admin${route}`, { method, headers: { 'X-Admin-Token': ADMIN_TOKEN, 'Content-Type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
      if (!response.ok) throw new Error(`${method} /admin${route}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : response.json();
    },
    hold(matches = () => true) {
      insurer.release();
      let open = () => undefined as void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open, matches };
    },
    release() {
      gate?.open();
      gate = undefined;
    },
    nextRequest(matches) {
      return new Promise((resolve) => waiters.push({ matches, resolve }));
    },
    async close() {
      insurer.release();
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await sandbox?.close();
      await folder.remove();
    },
  };
  return insurer;
}
