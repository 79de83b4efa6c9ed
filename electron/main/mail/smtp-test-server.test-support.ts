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
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 for the tests, reading each message back with mailparser.
 * A dropped connection destroys the client's socket in the middle of the transaction, before any reply.
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const accepted: ReceivedMessage[] = [];
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
    onRcptTo(address, _session, callback) {
      callback(options.onRcpt?.(address.address) ?? null);
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
  return { port: address.port, accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
