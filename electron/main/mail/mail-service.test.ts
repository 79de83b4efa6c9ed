import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailMessageRequest, MailOutcome, MailSettings } from '../../../shared/ipc/mail-contract';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createSecretStore, plaintextSecretCodec } from '../services/secret-store';
import { openSettingsStore } from '../services/settings-store';
import { openMailService, type MailService } from './mail-service';
import { smtpReply, startTestSmtpServer, type TestSmtpServer, type TestSmtpServerOptions } from './smtp-test-server.test-support';
import { onePagePdf, pdfText } from './test-pdf.test-support';

const FAST = { baseDelayMs: 20, maxDelayMs: 100 };
const WAIT = { timeout: 20_000, interval: 20 };

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let server: TestSmtpServer | undefined;
const services: MailService[] = [];

beforeEach(async () => {
  dir = await makeTempDir('kredo-mail-');
});

afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  await server?.close();
  server = undefined;
  await dir.remove();
});

const settingsFor = (port: number, patch: Partial<MailSettings> = {}): MailSettings => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: '',
  fromName: 'Acme Credit Control',
  fromAddress: 'credit@acme.example',
  replyTo: 'ar@acme.example',
  ...patch,
});

async function openService(options: { timeouts?: { connectionMs: number; greetingMs: number; socketMs: number } } = {}) {
  const logger = createMemoryLogger();
  const settings = await openSettingsStore({ userDataDir: dir.path, defaults: { language: 'en' }, logger });
  const secrets = createSecretStore({ userDataDir: dir.path, codec: plaintextSecretCodec, logger });
  const service = await openMailService({ userDataDir: dir.path, settings, secrets, logger, onOutcome: () => undefined, policy: FAST, ...(options.timeouts && { timeouts: options.timeouts }) });
  services.push(service);
  return service;
}

async function startServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  server = await startTestSmtpServer(options);
  return server;
}

const LETTERS = {
  nl: { subject: 'Herinnering: openstaande facturen Bakkerij De Vries B.V.', text: 'Geachte heer De Vries,\n\nVolgens onze administratie staan de volgende facturen nog open.', pdf: 'Betalingsherinnering factuur 2026-0042' },
  sv: { subject: 'Påminnelse: obetalda fakturor Åkesson Bygg AB', text: 'Hej,\n\nEnligt vår bokföring är följande fakturor fortfarande obetalda.', pdf: 'Betalningspaminnelse faktura 2026-0077' },
  en: { subject: 'Reminder: overdue invoices Thames Joinery Ltd', text: 'Dear Ms Clarke,\n\nOur records show the following invoices are still unpaid.', pdf: 'Payment reminder invoice 2026-0101' },
} as const;

function letter(key: string, to: string, language: keyof typeof LETTERS = 'nl'): MailMessageRequest {
  const { subject, text, pdf } = LETTERS[language];
  return { key, debtorId: `debtor-${key}`, to: { name: 'Debiteur', address: to }, subject, text, language, attachment: { fileName: `${key}.pdf`, pdfBase64: onePagePdf(pdf).toString('base64') } };
}

async function outcomesOf(service: MailService, count: number): Promise<MailOutcome[]> {
  return vi.waitFor(async () => {
    const { outcomes, waiting } = await service.outcomes();
    if (outcomes.length < count || waiting > 0) throw new Error(`${outcomes.length} of ${count} outcomes, ${waiting} waiting`);
    return outcomes;
  }, WAIT);
}

describe('the e-mail outbox against a real SMTP server on 127.0.0.1', () => {
  it('sends a letter once with its Message-ID, subject and text in the debtor’s language and the PDF attached', async () => {
    const smtp = await startServer();
    const service = await openService();
    await service.save(settingsFor(smtp.port), undefined);
    const queued = await service.queue(letter('a1:letter', 'debiteur@devries.example', 'nl'));
    const [outcome] = await outcomesOf(service, 1);
    expect(outcome).toMatchObject({ key: 'a1:letter', state: 'sent', messageId: queued.messageId, to: 'debiteur@devries.example', attempts: 1 });
    expect(smtp.accepted).toHaveLength(1);
    const received = smtp.accepted[0]!;
    expect(received.envelopeTo).toEqual(['debiteur@devries.example']);
    expect(received.parsed.messageId).toBe(queued.messageId);
    expect(received.parsed.subject).toBe(LETTERS.nl.subject);
    expect(received.parsed.text?.trim()).toBe(LETTERS.nl.text);
    expect(received.parsed.from?.value[0]).toMatchObject({ name: 'Acme Credit Control', address: 'credit@acme.example' });
    expect(received.parsed.replyTo?.value[0]?.address).toBe('ar@acme.example');
    expect(received.parsed.attachments).toHaveLength(1);
    expect(received.parsed.attachments[0]).toMatchObject({ filename: 'a1:letter.pdf', contentType: 'application/pdf' });
    expect(await pdfText(received.parsed.attachments[0]!.content)).toBe(LETTERS.nl.pdf);
    // What is kept for the timeline is the message the server received, byte for byte.
    expect(Buffer.from(outcome!.emlBase64, 'base64').toString('latin1').trimEnd()).toBe(received.raw.toString('latin1').trimEnd());
  });

  it('queues a letter once: the same key again keeps its Message-ID and sends nothing twice', async () => {
    const smtp = await startServer();
    const service = await openService();
    await service.save(settingsFor(smtp.port), undefined);
    const first = await service.queue(letter('a1:letter', 'debiteur@devries.example'));
    const again = await service.queue(letter('a1:letter', 'debiteur@devries.example'));
    expect(again).toEqual({ messageId: first.messageId, queued: false });
    await outcomesOf(service, 1);
    expect(await service.queue(letter('a1:letter', 'debiteur@devries.example'))).toEqual({ messageId: first.messageId, queued: false });
    expect(smtp.accepted).toHaveLength(1);
  });

  it('marks a message the server refuses with 550 as failed, with the server’s words, and sends the rest', async () => {
    const smtp = await startServer({ onRcpt: (address) => (address === 'unknown@devries.example' ? smtpReply(550, '5.1.1 No such user here') : undefined) });
    const service = await openService();
    await service.save(settingsFor(smtp.port), undefined);
    await service.queue(letter('refused:letter', 'unknown@devries.example'));
    await service.queue(letter('fine:letter', 'debiteur@akesson.example', 'sv'));
    const outcomes = await outcomesOf(service, 2);
    expect(outcomes.find((outcome) => outcome.key === 'refused:letter')).toMatchObject({ state: 'failed', code: 'mail.refused', attempts: 1 });
    expect(outcomes.find((outcome) => outcome.key === 'refused:letter')?.response).toContain('No such user here');
    expect(outcomes.find((outcome) => outcome.key === 'fine:letter')).toMatchObject({ state: 'sent' });
    expect(smtp.accepted.map((message) => message.parsed.subject)).toEqual([LETTERS.sv.subject]);
  });

  it('retries a message the server defers with 451 and sends it once', async () => {
    let deferred = 0;
    const smtp = await startServer({
      onMessage: () => {
        deferred += 1;
        return deferred <= 2 ? smtpReply(451, '4.7.1 Greylisted, try again later') : 'accept';
      },
    });
    const service = await openService();
    await service.save(settingsFor(smtp.port), undefined);
    await service.queue(letter('grey:letter', 'debiteur@devries.example'));
    const [outcome] = await outcomesOf(service, 1);
    expect(outcome).toMatchObject({ state: 'sent', attempts: 3 });
    expect(smtp.accepted).toHaveLength(1);
  });

  it('sends again a message whose connection dropped in the middle of DATA, and the server has it once', async () => {
    let dropped = false;
    const smtp = await startServer({
      onMessage: () => {
        if (dropped) return 'accept';
        dropped = true;
        return 'drop';
      },
    });
    const service = await openService();
    await service.save(settingsFor(smtp.port), undefined);
    await service.queue(letter('drop:letter', 'debiteur@devries.example'));
    await service.queue(letter('next:letter', 'debiteur@akesson.example', 'sv'));
    const outcomes = await outcomesOf(service, 2);
    expect(outcomes.find((outcome) => outcome.key === 'drop:letter')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(smtp.accepted.map((message) => message.parsed.subject).sort()).toEqual([LETTERS.nl.subject, LETTERS.sv.subject].sort());
  });

  it('keeps letters while the mailbox cannot be reached and sends them once it can', async () => {
    const service = await openService();
    const unreachable = await startServer();
    const port = unreachable.port;
    await unreachable.close();
    server = undefined;
    await service.save(settingsFor(port), undefined);
    await service.queue(letter('offline:letter', 'debiteur@devries.example'));
    expect(await service.outcomes()).toEqual({ outcomes: [], waiting: 1 });
    const smtp = await startServer();
    await service.save(settingsFor(smtp.port), undefined);
    const [outcome] = await outcomesOf(service, 1);
    expect(outcome).toMatchObject({ state: 'sent', attempts: 1 });
    expect(smtp.accepted).toHaveLength(1);
  });

  it('forgets an outcome once the renderer has recorded it', async () => {
    const smtp = await startServer();
    const service = await openService();
    await service.save(settingsFor(smtp.port), undefined);
    await service.queue(letter('ack:letter', 'debiteur@devries.example'));
    await outcomesOf(service, 1);
    await service.acknowledge(['ack:letter']);
    expect(await service.outcomes()).toEqual({ outcomes: [], waiting: 0 });
  });
});

describe('Settings › E-mail: a test message names what failed', () => {
  const TEST = { subject: 'Kredo test', text: 'This is a test message from Kredo.' };

  it('sends the test message to the sender’s own address, signed in with the password', async () => {
    const smtp = await startServer({ auth: { user: 'credit@acme.example', pass: 'app-password-1' } });
    const service = await openService();
    await service.test(settingsFor(smtp.port, { user: 'credit@acme.example' }), 'app-password-1', TEST.subject, TEST.text);
    expect(smtp.accepted.map((message) => [message.envelopeTo, message.parsed.subject])).toEqual([[['credit@acme.example'], TEST.subject]]);
    expect((await service.view()).settings).toBeNull();
  });

  it('says the server refused the password', async () => {
    const smtp = await startServer({ auth: { user: 'credit@acme.example', pass: 'right' } });
    const service = await openService();
    await expect(service.test(settingsFor(smtp.port, { user: 'credit@acme.example' }), 'wrong', TEST.subject, TEST.text)).rejects.toMatchObject({ code: 'mail.authRefused' });
  });

  it('says the host was not found', async () => {
    const service = await openService();
    await expect(service.test(settingsFor(587, { host: 'smtp.kredo-test.invalid', security: 'starttls' }), undefined, TEST.subject, TEST.text)).rejects.toMatchObject({ code: 'mail.hostNotFound' });
  });

  it('says TLS failed when the server’s certificate is not trusted', async () => {
    const smtp = await startServer({ secure: true });
    const service = await openService();
    await expect(service.test(settingsFor(smtp.port, { host: 'localhost', security: 'tls' }), undefined, TEST.subject, TEST.text)).rejects.toMatchObject({ code: 'mail.tlsFailed' });
  });

  it('refuses to go on in the clear when STARTTLS is required but not offered', async () => {
    const smtp = await startServer({ starttls: false });
    const service = await openService();
    await expect(service.test(settingsFor(smtp.port, { host: 'localhost', security: 'starttls' }), undefined, TEST.subject, TEST.text)).rejects.toMatchObject({ code: 'mail.tlsFailed' });
    expect(smtp.accepted).toHaveLength(0);
  });

  it('says the server did not answer in time', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const service = await openService({ timeouts: { connectionMs: 300, greetingMs: 300, socketMs: 300 } });
      await expect(service.test(settingsFor(port), undefined, TEST.subject, TEST.text)).rejects.toMatchObject({ code: 'mail.timeout' });
    } finally {
      silent.close();
    }
  });

  it('keeps the password for the host and port it was entered for only', async () => {
    const smtp = await startServer({ auth: { user: 'credit@acme.example', pass: 'app-password-1' } });
    const service = await openService();
    const saved = await service.save(settingsFor(smtp.port, { user: 'credit@acme.example' }), 'app-password-1');
    expect(saved).toMatchObject({ hasPassword: true });
    expect(JSON.stringify(saved)).not.toContain('app-password-1');
    await service.test(settingsFor(smtp.port, { user: 'credit@acme.example' }), undefined, TEST.subject, TEST.text);
    expect(smtp.accepted).toHaveLength(1);
    // Another host (typed by the controller, or by anyone who could change the settings) gets no password.
    await expect(service.test(settingsFor(smtp.port, { host: 'localhost', user: 'credit@acme.example' }), undefined, TEST.subject, TEST.text)).rejects.toMatchObject({ code: 'mail.passwordMissing' });
    expect(await service.save(settingsFor(smtp.port, { host: 'localhost', user: 'credit@acme.example' }), undefined)).toMatchObject({ hasPassword: false });
  });
});
