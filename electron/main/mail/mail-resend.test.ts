import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { MailMessageRequest, MailSettings } from '../../../shared/ipc/mail-contract';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createSecretStore, plaintextSecretCodec } from '../services/secret-store';
import { openSettingsStore } from '../services/settings-store';
import { openMailService, type MailService } from './mail-service';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.test-support';
import { onePagePdf, pdfText } from './test-pdf.test-support';

/** The outbox as the controller sees it: what waits, what was refused, and sending a refused letter again. */
const FAST = { baseDelayMs: 20, maxDelayMs: 100 };
const WAIT = { timeout: 20_000, interval: 20 };

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let server: TestSmtpServer;
const services: MailService[] = [];

beforeEach(async () => {
  dir = await makeTempDir('kredo-mail-resend-');
  server = await startTestSmtpServer();
});

afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  await server.close();
  await dir.remove();
});

const settings = (port: number): MailSettings => ({ host: '127.0.0.1', port, security: 'none', user: '', fromName: 'Acme Credit Control', fromAddress: 'credit@acme.example', replyTo: null });

async function openService(): Promise<MailService> {
  const logger = createMemoryLogger();
  const store = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'en' }, logger });
  const secrets = createSecretStore({ userDataDir: dir.path, codec: plaintextSecretCodec, logger });
  const service = await openMailService({ userDataDir: dir.path, settings: store, secrets, logger, onOutcome: () => undefined, policy: FAST });
  services.push(service);
  await service.save(settings(server.port), undefined);
  return service;
}

const letter = (to: string): MailMessageRequest => ({
  key: 'a1:letter',
  debtorId: 'debtor-1',
  to: { name: 'Jan de Vries', address: to },
  subject: 'Herinnering: openstaande facturen Bakkerij De Vries B.V.',
  text: 'Geachte heer De Vries,\n\nVolgens onze administratie staan de volgende facturen nog open.',
  language: 'nl',
  attachment: { fileName: 'a1.pdf', pdfBase64: onePagePdf('Betalingsherinnering factuur 2026-0042').toString('base64') },
});

/** Waits until the refusal is an outcome, then records it as the renderer does. */
async function refusedAndRecorded(service: MailService): Promise<void> {
  await vi.waitFor(async () => expect((await service.outcomes()).outcomes.map((outcome) => outcome.state)).toEqual(['failed']), WAIT);
  await service.acknowledge(['a1:letter']);
}

it('keeps a refused letter in the outbox after it is on the timeline, and sends it again to the corrected address as a new message', async () => {
  server.refuseRecipient('jan@devries.example');
  const service = await openService();
  const queued = await service.queue(letter('jan@devries.example'));
  await refusedAndRecorded(service);
  expect(service.list()).toEqual([expect.objectContaining({ key: 'a1:letter', state: 'failed', to: 'jan@devries.example', messageId: queued.messageId, code: 'mail.refused' })]);
  expect(service.list()[0]?.response).toContain('no such user');
  expect((await service.outcomes()).outcomes).toEqual([]);

  const again = await service.resend('a1:letter', { name: 'Jan de Vries', address: 'j.devries@devries.example' });
  expect(again.messageId).not.toBe(queued.messageId);
  await vi.waitFor(() => expect(server.accepted).toHaveLength(1), WAIT);
  const [received] = server.accepted;
  expect(received!.envelopeTo).toEqual(['j.devries@devries.example']);
  expect(received!.parsed.to).toMatchObject({ value: [{ address: 'j.devries@devries.example', name: 'Jan de Vries' }] });
  expect(received!.parsed.messageId).toBe(again.messageId);
  expect(received!.parsed.subject).toBe('Herinnering: openstaande facturen Bakkerij De Vries B.V.');
  expect(await pdfText(received!.parsed.attachments[0]!.content)).toContain('Betalingsherinnering factuur 2026-0042');
  await vi.waitFor(async () => expect((await service.outcomes()).outcomes).toEqual([expect.objectContaining({ state: 'sent', messageId: again.messageId, to: 'j.devries@devries.example' })]), WAIT);
});

it('sends a refused letter again to the same address as the same message, keeping its Message-ID, also after a restart', async () => {
  server.refuseRecipient('jan@devries.example');
  const first = await openService();
  const queued = await first.queue(letter('jan@devries.example'));
  await refusedAndRecorded(first);
  await first.close();
  services.splice(0);

  // The mailbox was full; the debtor has made room. Kredo restarted in between.
  await server.close();
  server = await startTestSmtpServer();
  const service = await openService();
  expect(service.list().map((entry) => [entry.key, entry.state])).toEqual([['a1:letter', 'failed']]);
  expect(await service.resend('a1:letter', { address: 'JAN@devries.example' })).toEqual({ messageId: queued.messageId });
  await vi.waitFor(() => expect(server.accepted).toHaveLength(1), WAIT);
  expect(server.accepted[0]!.parsed.messageId).toBe(queued.messageId);
  expect(server.accepted[0]!.envelopeTo).toEqual(['jan@devries.example']);
});

it('shows a letter the server defers as pending with the time of its next try, then sends it once', async () => {
  server.hold();
  const service = await openService();
  const queued = await service.queue(letter('jan@devries.example'));
  // Turned away at the greeting: the outbox waits, and says until when.
  await vi.waitFor(() => expect(service.list()).toEqual([expect.objectContaining({ key: 'a1:letter', state: 'pending', messageId: queued.messageId, nextTryAt: expect.any(String) })]), WAIT);
  expect(server.turnedAway).toBeGreaterThan(0);
  server.release();
  await vi.waitFor(() => expect(server.accepted).toHaveLength(1), WAIT);
  await vi.waitFor(() => expect(service.list()).toEqual([]), WAIT);
  expect(server.accepted[0]!.parsed.messageId).toBe(queued.messageId);
});

it('forgets a refused letter the controller removes from the outbox, and refuses to send again what it does not hold', async () => {
  server.refuseRecipient('jan@devries.example');
  const service = await openService();
  await service.queue(letter('jan@devries.example'));
  await refusedAndRecorded(service);
  expect(await service.dismiss('a1:letter')).toBe(true);
  expect(service.list()).toEqual([]);
  await expect(service.resend('a1:letter', { address: 'jan@devries.example' })).rejects.toMatchObject({ code: 'mail.notInOutbox' });
});

it('refuses to queue a letter again while its refused message waits in the outbox for Send again, and sends nothing', async () => {
  server.refuseRecipient('jan@devries.example');
  const service = await openService();
  const queued = await service.queue(letter('jan@devries.example'));
  await refusedAndRecorded(service);
  // The same dunning step processed again (e.g. after a restore): the kept letter must not say "queued"
  // while the outbox holds its message as refused, and the letter must not go a second time.
  await expect(service.queue(letter('jan@devries.example'))).rejects.toMatchObject({ code: 'mail.stillInOutbox' });
  expect(service.list()).toEqual([expect.objectContaining({ key: 'a1:letter', state: 'failed', messageId: queued.messageId })]);
  expect(server.accepted).toHaveLength(0);
});
