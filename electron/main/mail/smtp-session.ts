import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { MailSettings } from '../../../shared/ipc/mail-contract';

/** How long Kredo waits for the server before calling it a timeout (nodemailer's defaults are minutes). */
export interface SmtpTimeouts {
  readonly connectionMs: number;
  readonly greetingMs: number;
  readonly socketMs: number;
}

export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 20_000, greetingMs: 20_000, socketMs: 60_000 };

export interface SmtpSession {
  /** One SMTP transaction (MAIL FROM, RCPT TO, DATA); resolves with the server's final reply. */
  send(envelope: { readonly from: string; readonly to: string }, message: Buffer): Promise<string>;
  close(): void;
}

/**
 * Connects and signs in to the controller's mailbox with nodemailer's SMTP client. `starttls` requires the
 * upgrade (nodemailer's `requireTLS`: a server that does not offer STARTTLS is refused rather than used in
 * the clear); `none` is allowed only for this machine (mail-contract.ts), where nodemailer then ignores STARTTLS.
 */
export async function openSmtpSession(settings: MailSettings, password: string | undefined, timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS, tls?: { readonly ca?: string | Buffer }): Promise<SmtpSession> {
  const connection = new SMTPConnection({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    ...(tls?.ca !== undefined && { tls: { ca: tls.ca } }),
  });
  // An error after the session was handed out (the server closing an idle connection) reaches the pending
  // call through its callback; this listener only keeps it from becoming an uncaught 'error' event.
  let lastError: Error | undefined;
  connection.on('error', (error: Error) => {
    lastError = error;
  });
  await new Promise<void>((resolve, reject) => {
    connection.once('error', reject);
    connection.connect(() => {
      connection.removeListener('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    connection.close();
    throw error;
  });
  if (settings.user !== '') {
    await new Promise<void>((resolve, reject) => connection.login({ user: settings.user, pass: password ?? '' }, (error) => (error ? reject(error) : resolve()))).catch((error: unknown) => {
      connection.close();
      throw error;
    });
  }
  return {
    send: (envelope, message) =>
      new Promise<string>((resolve, reject) => {
        if (lastError) {
          reject(lastError);
          return;
        }
        connection.send({ from: envelope.from, to: [envelope.to] }, message, (error, info) => (error ? reject(error) : resolve(info?.response ?? '')));
      }),
    close: () => {
      try {
        connection.quit();
      } catch {
        connection.close();
      }
    },
  };
}
