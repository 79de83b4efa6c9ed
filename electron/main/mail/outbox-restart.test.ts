import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { MailOutcome } from '../../../shared/ipc/mail-contract';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { startTestSmtpServer, type DataVerdict, type TestSmtpServer } from './smtp-test-server.test-support';

const CHILD = fileURLToPath(new URL('./outbox-process.test-support.ts', import.meta.url));

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let server: TestSmtpServer | undefined;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await makeTempDir('kredo-outbox-');
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await server?.close();
  await dir.remove();
});

function startOutboxProcess(port: number): { child: ChildProcess; lines: Promise<string[]>; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir.path, String(port), '5'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited, lines: exited.then(() => output.split('\n').filter(Boolean)) };
}

it('a restart in the middle of a batch sends the rest and nothing twice, even the message the server took as Kredo died', async () => {
  let first: ReturnType<typeof startOutboxProcess> | undefined;
  server = await startTestSmtpServer({
    // Kredo is killed (SIGKILL) once the third message has reached the server whole, before the server's 250
    // reaches it: the server takes the message, Kredo never learns it did.
    onMessage: async (message): Promise<DataVerdict> => {
      if (first && message.parsed.subject === 'Herinnering 3') {
        first.child.kill('SIGKILL');
        await first.exited;
      }
      return 'accept';
    },
  });
  first = startOutboxProcess(server.port);
  await first.exited;
  const smtp = server;
  // The server answers the third message after Kredo is gone, so it is counted a moment after the exit.
  await vi.waitFor(() => expect(smtp.accepted.map((message) => message.parsed.subject)).toEqual(['Herinnering 1', 'Herinnering 2', 'Herinnering 3']), { timeout: 20_000, interval: 20 });

  first = undefined;
  const second = startOutboxProcess(server.port);
  const lines = await second.lines;
  const outcomes = JSON.parse(lines.at(-1)!) as Omit<MailOutcome, 'emlBase64'>[];

  // Each letter reached the server exactly once, with one Message-ID each.
  const subjects = server.accepted.map((message) => message.parsed.subject);
  expect(subjects).toEqual(['Herinnering 1', 'Herinnering 2', 'Herinnering 3', 'Herinnering 4', 'Herinnering 5']);
  expect(new Set(server.accepted.map((message) => message.parsed.messageId)).size).toBe(5);
  // The one in flight when Kredo died is not sent again blindly: it is uncertain, for the controller to check.
  expect(outcomes.map((outcome) => [outcome.key, outcome.state])).toEqual([
    ['letter-1', 'sent'],
    ['letter-2', 'sent'],
    ['letter-3', 'uncertain'],
    ['letter-4', 'sent'],
    ['letter-5', 'sent'],
  ]);
  expect(outcomes.find((outcome) => outcome.key === 'letter-3')?.messageId).toBe(server.accepted[2]!.parsed.messageId);
});
