import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An error with the SMTP reply code smtp-server sends back. */
export function smtpReply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

export interface ReceivedMessage {
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
  readonly envelopeTo: readonly string[];
}

/** What the server does with one message's DATA, once it has read all of it. */
export type DataVerdict = 'accept' | 'drop' | Error;

export interface TestSmtpServerOptions {
  /** Required user and password; without, the server takes mail without signing in. */
  readonly auth?: { readonly user: string; readonly pass: string };
  /** TLS from the first byte, with smtp-server's own self-signed certificate. */
  readonly secure?: boolean;
  /** Offer STARTTLS (with the self-signed certificate); off by default. */
  readonly starttls?: boolean;
  /** Answer a recipient: undefined takes it. */
  readonly onRcpt?: (address: string) => Error | undefined;
  /** Decide on a message once read whole; `drop` cuts the connection without answering. */
  readonly onMessage?: (message: ReceivedMessage) => DataVerdict | Promise<DataVerdict>;
}

export interface TestSmtpServer {
  readonly port: number;
  /** Every message the server accepted (answered 250 to the end of DATA), in order. */
  readonly accepted: ReceivedMessage[];
  /** Recipients refused (by `refuseRecipient` or `onRcpt`), in order. */
  readonly refused: string[];
  /** Refuses this address at RCPT TO for good (a 5xx reply, default 550 "no such user"). */
  refuseRecipient(address: string, reply?: Error): void;
  /**
   * Holds every message back: new connections are turned away at the greeting (421) and recipients on an
   * open one deferred (451), so no message gets as far as DATA — nothing is in flight — until `release`.
   */
  hold(): void;
  release(): void;
  /** Connections turned away while held: one seen means the client has given up for now. */
  readonly turnedAway: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 for the tests, reading each message back with mailparser.
 * A dropped connection destroys the client's socket in the middle of the transaction, before any reply.
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const accepted: ReceivedMessage[] = [];
  const refused: string[] = [];
  const refusals = new Map<string, Error>();
  let held = false;
  let turnedAway = 0;
  const server: SMTPServer = new SMTPServer({
    secure: options.secure ?? false,
    disabledCommands: [...(options.starttls ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) callback(null, { user: auth.username });
      else callback(smtpReply(535, '5.7.8 Authentication credentials invalid'));
    },
    onConnect(_session, callback) {
      if (!held) return callback();
      turnedAway += 1;
      return callback(smtpReply(421, '4.3.2 Service not available, try again later'));
    },
    onRcptTo(address, _session, callback) {
      if (held) return callback(smtpReply(451, '4.3.2 Try again later'));
      const refusal = refusals.get(address.address.toLowerCase()) ?? options.onRcpt?.(address.address);
      if (refusal) refused.push(address.address);
      return callback(refusal ?? null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void (async () => {
          const raw = Buffer.concat(chunks);
          const message: ReceivedMessage = { raw, parsed: await simpleParser(raw), envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
          const verdict = (await options.onMessage?.(message)) ?? 'accept';
          if (verdict === 'drop') {
            // The private list of connections is the only way to the socket; a test server may use it.
            const connections = (server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections;
            for (const connection of connections) if (connection.id === session.id) connection._socket.destroy();
            return;
          }
          if (verdict === 'accept') {
            accepted.push(message);
            callback(null, '2.0.0 Ok: queued');
          } else callback(verdict);
        })();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The test SMTP server has no port');
  return {
    port: address.port,
    accepted,
    refused,
    refuseRecipient: (to, reply = smtpReply(550, '5.1.1 <' + to + '>: Recipient address rejected: no such user')) => refusals.set(to.toLowerCase(), reply),
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
    },
    get turnedAway() {
      return turnedAway;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
