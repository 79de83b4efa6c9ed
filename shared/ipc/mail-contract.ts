import { z } from 'zod';

/**
 * E-mail from the controller's own mailbox (Settings › E-mail; electron/main/mail/): the main process keeps
 * the SMTP settings, the password (in the secret store, bound to the host and port it was entered for) and
 * the outbox, and sends over SMTP. The renderer hands over what a letter says; it never sees the password.
 */

export const MAIL_SECURITY = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

/** This machine only: a password and letters are never sent unencrypted over a network. */
export const isLocalMailHost = (host: string): boolean => /^(localhost|127\.0\.0\.1|::1|\[::1\])$/i.test(host.trim());

const hostSchema = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address');
const addressSchema = z.email().max(254);

export const mailSettingsSchema = z
  .strictObject({
    host: hostSchema,
    port: z.number().int().min(1).max(65_535),
    /** `tls`: TLS from the first byte (port 465); `starttls`: upgrade required (port 587); `none`: this machine only. */
    security: z.enum(MAIL_SECURITY),
    /** The mailbox's user name; empty when the server takes mail without signing in (a local relay). */
    user: z.string().max(254),
    fromName: z.string().trim().min(1).max(120),
    fromAddress: addressSchema,
    replyTo: addressSchema.nullable(),
  })
  .refine((settings) => settings.security !== 'none' || isLocalMailHost(settings.host), { path: ['security'], message: 'unencrypted only on this machine' });
export type MailSettings = z.output<typeof mailSettingsSchema>;

const mailSettingsView = z.strictObject({
  settings: mailSettingsSchema.nullable(),
  /** A password is stored for exactly these settings' host and port. */
  hasPassword: z.boolean(),
});
export type MailSettingsView = z.output<typeof mailSettingsView>;

/** A password as typed; omitted to keep the stored one (only for the host and port it was entered for). */
const passwordSchema = z.string().min(1).max(500).optional();

const base64 = z.string().max(32 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/);
const recipient = z.strictObject({ name: z.string().max(200).optional(), address: addressSchema });

/** A letter to send: the outbox builds the message (MIME by nodemailer) and gives it its Message-ID once. */
export const mailMessageRequestSchema = z.strictObject({
  /** The kept letter's id: queueing the same key again keeps the one message already queued. */
  key: z.string().min(1).max(200),
  debtorId: z.string().min(1).max(200),
  to: recipient,
  subject: z.string().min(1).max(500),
  /** The plain-text body, in the debtor's language. */
  text: z.string().min(1).max(200_000),
  language: z.string().min(2).max(10),
  attachment: z.strictObject({ fileName: z.string().min(1).max(200), pdfBase64: base64 }),
});
export type MailMessageRequest = z.output<typeof mailMessageRequestSchema>;

export const MAIL_OUTCOMES = ['sent', 'failed', 'uncertain'] as const;
export type MailOutcomeState = (typeof MAIL_OUTCOMES)[number];

/** A message the outbox has finished with, kept until the renderer has recorded it on the debtor's timeline. */
export const mailOutcomeSchema = z.strictObject({
  key: z.string().max(200),
  debtorId: z.string().max(200),
  messageId: z.string().max(300),
  state: z.enum(MAIL_OUTCOMES),
  /** ISO instant the outcome was known. */
  at: z.string().max(40),
  to: z.string().max(254),
  subject: z.string().max(500),
  /** For `failed`: the KredoError code in `errors` (mail.*) and the server's own words. */
  code: z.string().max(80).optional(),
  response: z.string().max(1000).optional(),
  attempts: z.number().int().nonnegative(),
  /** The exact message as handed to the server (RFC 5322 bytes), base64. */
  emlBase64: base64,
});
export type MailOutcome = z.output<typeof mailOutcomeSchema>;

/**
 * A message the outbox still holds, as the controller sees it: `pending` is waiting to be sent (with the
 * next try after a transient failure), `failed` was refused by the server (5xx), `uncertain` was being
 * handed over when Kredo stopped. Sent messages leave the outbox once recorded on the debtor's timeline.
 */
export const mailOutboxEntrySchema = z.strictObject({
  key: z.string().max(200),
  debtorId: z.string().max(200),
  messageId: z.string().max(300),
  state: z.enum(['pending', 'failed', 'uncertain']),
  to: z.string().max(254),
  subject: z.string().max(500),
  queuedAt: z.string().max(40),
  attempts: z.number().int().nonnegative(),
  /** ISO instant of the next try, when a transient failure made the outbox wait. */
  nextTryAt: z.string().max(40).optional(),
  code: z.string().max(80).optional(),
  response: z.string().max(1000).optional(),
});
export type MailOutboxEntry = z.output<typeof mailOutboxEntrySchema>;

export const mailContract = {
  mailGetSettings: { request: z.strictObject({}), response: mailSettingsView },
  /** Sends a test message to the sender's own address with these settings; nothing is saved. */
  mailTest: {
    request: z.strictObject({ settings: mailSettingsSchema, password: passwordSchema, subject: z.string().min(1).max(200), text: z.string().min(1).max(2000) }),
    response: z.strictObject({ response: z.string().max(1000) }),
  },
  /** Saves the settings (and the password, bound to their host and port). */
  mailSetSettings: { request: z.strictObject({ settings: mailSettingsSchema, password: passwordSchema }), response: mailSettingsView },
  mailQueue: {
    request: z.strictObject({ message: mailMessageRequestSchema }),
    /** `queued: false` when a message of this key was already in the outbox (it keeps its Message-ID). */
    response: z.strictObject({ messageId: z.string().max(300), queued: z.boolean() }),
  },
  /** Withdraws a message not yet being sent (its letter could not be stored); answers whether it did. */
  mailWithdraw: { request: z.strictObject({ key: z.string().min(1).max(200) }), response: z.strictObject({ withdrawn: z.boolean() }) },
  mailOutcomes: { request: z.strictObject({}), response: z.strictObject({ outcomes: z.array(mailOutcomeSchema).max(200), waiting: z.number().int().nonnegative() }) },
  mailOutbox: { request: z.strictObject({}), response: z.strictObject({ entries: z.array(mailOutboxEntrySchema).max(10_000) }) },
  /**
   * Sends a refused or uncertain message again, to the debtor's address as it is now: the same message
   * (same Message-ID) when the address is unchanged, a new message with a new Message-ID when corrected.
   */
  mailResend: { request: z.strictObject({ key: z.string().min(1).max(200), to: recipient }), response: z.strictObject({ messageId: z.string().max(300) }) },
  /** Removes a refused or uncertain message from the outbox without sending it (it stays on the timeline). */
  mailDismiss: { request: z.strictObject({ key: z.string().min(1).max(200) }), response: z.strictObject({ dismissed: z.boolean() }) },
  /** The renderer has recorded these outcomes: the outbox forgets them. */
  mailAcknowledge: { request: z.strictObject({ keys: z.array(z.string().max(200)).max(200) }), response: z.strictObject({}) },
};

export const mailEventContract = {
  /** A message was sent, failed or is uncertain: the renderer records it on the debtor's timeline. */
  onMailOutcome: z.strictObject({}),
};
