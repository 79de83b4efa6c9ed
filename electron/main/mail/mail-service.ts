import path from 'node:path';
import { KredoError } from '../../../shared/errors/kredo-error';
import { mailMessageRequestSchema, type MailMessageRequest, type MailOutboxEntry, type MailOutcome, type MailSettings, type MailSettingsView } from '../../../shared/ipc/mail-contract';
import type { RetryPolicy } from '../../../shared/sync/retry-policy';
import type { Logger } from '../services/logger';
import type { SecretStore } from '../services/secret-store';
import type { SettingsStore } from '../services/settings-store';
import { composeLetterMessage, composeTestMessage, newMessageId } from './compose-message';
import { openMailOutbox, type MailOutbox } from './mail-outbox';
import { classifySmtpFailure } from './smtp-failure';
import { DEFAULT_SMTP_TIMEOUTS, openSmtpSession, type SmtpTimeouts } from './smtp-session';

/** The secret store's name for the mailbox password. */
export const SMTP_PASSWORD_SECRET = 'smtp-password';

/**
 * What the SMTP password is bound to: the mail server's host and port (`smtp://host:port`). The secret
 * store gives it out for exactly that server, so a changed host in Settings (by anyone) collects nothing
 * until the password is typed again for it (issue 15's rule for credentials).
 */
export const mailOrigin = (settings: Pick<MailSettings, 'host' | 'port'>): string => `smtp://${settings.host.trim().toLowerCase()}:${settings.port}`;

export interface MailService {
  view(): Promise<MailSettingsView>;
  /** Sends a test message to the sender's own address; a failure is a KredoError naming what failed. */
  test(settings: MailSettings, password: string | undefined, subject: string, text: string): Promise<{ readonly response: string }>;
  save(settings: MailSettings, password: string | undefined): Promise<MailSettingsView>;
  queue(message: MailMessageRequest): Promise<{ readonly messageId: string; readonly queued: boolean }>;
  withdraw(key: string): Promise<boolean>;
  list(): MailOutboxEntry[];
  /** Sends a refused or uncertain message again to `to`: the same message, or a new one for a corrected address. */
  resend(key: string, to: MailMessageRequest['to']): Promise<{ readonly messageId: string }>;
  dismiss(key: string): Promise<boolean>;
  outcomes(): Promise<{ readonly outcomes: MailOutcome[]; readonly waiting: number }>;
  acknowledge(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export interface MailServiceOptions {
  readonly userDataDir: string;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly logger: Logger;
  readonly onOutcome: () => void;
  readonly now?: () => Date;
  /** Tests: a quicker back-off and shorter timeouts, and a certificate authority to trust. */
  readonly policy?: RetryPolicy;
  readonly timeouts?: SmtpTimeouts;
  readonly tls?: { readonly ca?: string | Buffer };
}

/**
 * Settings › E-mail and the outbox: the settings live in `settings.json`, the password in the secret store
 * (never sent to the renderer), the outbox in `mail-outbox/` (mail-outbox.ts).
 */
export async function openMailService(options: MailServiceOptions): Promise<MailService> {
  const { settings, secrets, logger } = options;
  const now = options.now ?? (() => new Date());
  const timeouts = options.timeouts ?? DEFAULT_SMTP_TIMEOUTS;

  async function passwordFor(mail: MailSettings, typed: string | undefined): Promise<string | undefined> {
    if (typed !== undefined || mail.user === '') return typed;
    const stored = (await secrets.boundOrigin(SMTP_PASSWORD_SECRET)) === mailOrigin(mail) ? await secrets.get(SMTP_PASSWORD_SECRET, mailOrigin(mail)) : undefined;
    if (stored === undefined) throw new KredoError('mail.passwordMissing', { host: mail.host });
    return stored;
  }

  async function connect(mail: MailSettings, typed?: string) {
    return openSmtpSession(mail, await passwordFor(mail, typed), timeouts, options.tls);
  }

  const outbox: MailOutbox = await openMailOutbox({
    folder: path.join(options.userDataDir, 'mail-outbox'),
    logger,
    now,
    ...(options.policy && { policy: options.policy }),
    onOutcome: options.onOutcome,
    connect: async () => {
      const mail = settings.get().mail;
      if (!mail) throw new KredoError('mail.notConfigured');
      return connect(mail);
    },
  });
  outbox.kick();

  async function view(): Promise<MailSettingsView> {
    const mail = settings.get().mail;
    const hasPassword = mail !== null && (await secrets.boundOrigin(SMTP_PASSWORD_SECRET)) === mailOrigin(mail);
    return { settings: mail, hasPassword };
  }

  return {
    view,
    async test(mail, password, subject, text) {
      try {
        const session = await connect(mail, password);
        try {
          const response = await session.send({ from: mail.fromAddress, to: mail.fromAddress }, await composeTestMessage(mail, subject, text, now()));
          return { response: response.slice(0, 1000) };
        } finally {
          session.close();
        }
      } catch (error) {
        if (error instanceof KredoError) throw error;
        const failure = classifySmtpFailure(error);
        logger.warn('E-mail test failed', { host: mail.host, port: mail.port, code: failure.code, response: failure.response });
        throw new KredoError(failure.code, { host: mail.host, port: mail.port, response: failure.response ?? '' });
      }
    },
    async save(mail, password) {
      if (password !== undefined) await secrets.set(SMTP_PASSWORD_SECRET, password, mailOrigin(mail));
      await settings.setMailSettings(mail);
      outbox.kick();
      return view();
    },
    async queue(message) {
      const mail = settings.get().mail;
      if (!mail) throw new KredoError('mail.notConfigured');
      return outbox.queue(
        { key: message.key, debtorId: message.debtorId, from: mail.fromAddress, to: message.to.address, subject: message.subject },
        newMessageId(mail.fromAddress),
        (messageId) => composeLetterMessage(message, mail, messageId, now()),
        JSON.stringify(message),
      );
    },
    withdraw: (key) => outbox.withdraw(key),
    list: () => outbox.list(),
    async resend(key, to) {
      const mail = settings.get().mail;
      if (!mail) throw new KredoError('mail.notConfigured');
      // A corrected address is a new message, built from the same letter (kept beside the message) with the
      // settings in force now; an unchanged one is the same message sent again.
      const rebuild = async (messageId: string) => {
        const kept = await outbox.letter(key);
        const letter = kept === undefined ? undefined : mailMessageRequestSchema.safeParse(JSON.parse(kept));
        if (!letter?.success) throw new KredoError('mail.cannotRebuild');
        return composeLetterMessage({ ...letter.data, to }, mail, messageId, now());
      };
      return outbox.resend(key, to.address, rebuild, () => newMessageId(mail.fromAddress));
    },
    dismiss: (key) => outbox.dismiss(key),
    outcomes: async () => ({ outcomes: await outbox.outcomes(), waiting: outbox.waiting() }),
    acknowledge: (keys) => outbox.acknowledge(keys),
    close: () => outbox.close(),
  };
}
