/**
 * What an SMTP failure means for a message and for the person reading about it. SMTP says it in the reply
 * code (RFC 5321 §4.2.1): 4yz is a transient failure — the same message may succeed later — and 5yz a
 * permanent one, which sending again will not change. A connection that drops, times out or cannot be made
 * said nothing about the message: the server takes responsibility for a message only with its 250 reply to
 * the end of DATA (RFC 5321 §6.1), so until that reply came the message was not accepted and is sent again.
 */
export type MailFailureCode = 'mail.authRefused' | 'mail.hostNotFound' | 'mail.tlsFailed' | 'mail.timeout' | 'mail.connectionFailed' | 'mail.refused' | 'mail.deferred' | 'mail.badAddress';

export interface MailFailure {
  /** A KredoError code in the `errors` namespace (mail.*), naming what failed. */
  readonly code: MailFailureCode;
  /** Worth sending again later (with back-off) rather than marking the message failed. */
  readonly transient: boolean;
  /** The server's own words, when it answered (kept on the timeline as evidence). */
  readonly response?: string;
  readonly responseCode?: number;
}

interface NodemailerLikeError {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly response?: unknown;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNECTION', 'ESOCKET', 'EPROTOCOL']);
const DNS_CODES = new Set(['EDNS', 'ENOTFOUND', 'EAI_AGAIN']);

function isCertificateProblem(code: unknown, error: unknown): boolean {
  if (typeof code === 'string' && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code.includes('CERT'))) return true;
  const message = error instanceof Error ? error.message : '';
  return code === 'ESOCKET' && /certificate|self[- ]signed|ssl|tls/i.test(message);
}

export function classifySmtpFailure(error: unknown): MailFailure {
  const { code, responseCode, response } = (typeof error === 'object' && error !== null ? error : {}) as NodemailerLikeError;
  const reply = typeof response === 'string' ? { response: response.slice(0, 1000) } : {};
  const status = typeof responseCode === 'number' ? responseCode : undefined;
  const withStatus = status !== undefined ? { responseCode: status } : {};
  // Authentication refused: the password or the mailbox's SMTP AUTH setting, never the message. The outbox
  // keeps the message and tries again, so letters go once the controller has corrected the password.
  if (code === 'EAUTH' || code === 'ENOAUTH') return { code: 'mail.authRefused', transient: true, ...reply, ...withStatus };
  // STARTTLS refused or not offered (nodemailer's ETLS carries the server's 5xx), a certificate that is
  // expired, self-signed or for another name (a socket error whose message says so): the connection is not
  // private, so nothing is sent over it.
  if (code === 'ETLS' || code === 'EREQUIRETLS' || isCertificateProblem(code, error)) return { code: 'mail.tlsFailed', transient: true, ...reply, ...withStatus };
  if (status !== undefined && status >= 500) return { code: 'mail.refused', transient: false, ...reply, ...withStatus };
  if (status !== undefined && status >= 400) return { code: 'mail.deferred', transient: true, ...reply, ...withStatus };
  if (typeof code === 'string' && DNS_CODES.has(code)) return { code: 'mail.hostNotFound', transient: true, ...reply };
  if (code === 'ETIMEDOUT') return { code: 'mail.timeout', transient: true, ...reply };
  // An address nodemailer itself cannot put in the envelope: no server will take it.
  if (code === 'EENVELOPE') return { code: 'mail.badAddress', transient: false, ...reply };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return { code: 'mail.connectionFailed', transient: true, ...reply };
  return { code: 'mail.connectionFailed', transient: true, ...reply };
}
