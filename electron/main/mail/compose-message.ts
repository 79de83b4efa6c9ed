import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailMessageRequest, MailSettings } from '../../../shared/ipc/mail-contract';

/**
 * A Message-ID of Kredo's own for a message (RFC 5322 §3.6.4), on the sender's domain, given when the
 * message is queued and kept with it: every attempt sends the same bytes, so the recipient's server and the
 * debtor's mail program see one message, and the kept copy is the message that was sent.
 */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'kredo.invalid';
  return `<${randomUUID()}@${domain}>`;
}

/**
 * The letter as an RFC 5322 message, built by nodemailer's MailComposer (no hand-written MIME): the
 * plain-text body and subject in the debtor's language, the PDF attached, From the controller's mailbox with
 * its display name, Reply-To when set.
 */
export async function composeLetterMessage(message: MailMessageRequest, settings: MailSettings, messageId: string, date: Date): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: settings.fromName, address: settings.fromAddress },
    to: message.to.name !== undefined ? { name: message.to.name, address: message.to.address } : message.to.address,
    ...(settings.replyTo !== null && { replyTo: settings.replyTo }),
    subject: message.subject,
    text: message.text,
    messageId,
    date,
    headers: { 'Content-Language': message.language },
    attachments: [{ filename: message.attachment.fileName, content: Buffer.from(message.attachment.pdfBase64, 'base64'), contentType: 'application/pdf' }],
    // CRLF throughout, as SMTP carries it (RFC 5321 §2.3.8): the kept copy is then byte for byte what the server got.
    newline: 'windows',
    // Nothing of the message is fetched from a file or URL: what it says arrives whole from the renderer.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

/** A short test message to the sender's own address, in the user's language (Settings › E-mail). */
export async function composeTestMessage(settings: MailSettings, subject: string, text: string, date: Date): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: settings.fromName, address: settings.fromAddress },
    to: settings.fromAddress,
    subject,
    text,
    messageId: newMessageId(settings.fromAddress),
    date,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
