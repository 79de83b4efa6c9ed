import type { DunningLetterInput } from './dunning-letter';
import { buildLetterContent, type LetterContent } from './letter-content';
import { letterPlainText } from './letter-plain-text';
import { letterTranslator } from './letter-translator';
import { asciiFileName, base64, base64TextLines, CRLF, foldHeader, headerField, headerWords, quoted, quotedPrintable, rfc2231Value, rfc5322Date } from './mime-encoding';

/** A sender or recipient: the address, and the name mail programs show. */
export interface Mailbox {
  readonly name?: string;
  readonly address: string;
}

export interface LetterEmlOptions {
  readonly from: Mailbox;
  readonly to: Mailbox;
  /** With or without angle brackets; made up from a random UUID and the sender's domain when absent. */
  readonly messageId?: string;
  /** The moment the draft is written, for the Date header. */
  readonly date: Date;
}

/**
 * The letter as an e-mail draft (.eml, RFC 5322 + MIME): the letter's text as the message, its PDF
 * attached. `X-Unsent: 1` makes Outlook and Thunderbird open the file as a draft to check and send,
 * not as a received message. Given the same message id, the same letter gives the same bytes.
 */
export function buildLetterEml(input: DunningLetterInput, pdf: Uint8Array, options: LetterEmlOptions): string {
  const t = letterTranslator(input.language);
  return letterEmlFromContent(buildLetterContent(input, t), t('attachmentNote'), base64(pdf), options);
}

/**
 * The draft of content already built, with the PDF as base64 text already encoded: a letter that is also
 * kept and e-mailed builds its content and encodes its PDF once for all three (issue 14).
 */
export function letterEmlFromContent(content: LetterContent, attachmentNote: string, pdfBase64: string, options: LetterEmlOptions): string {
  const messageId = normalisedMessageId(options.messageId ?? `${crypto.randomUUID()}@${domainOf(options.from.address)}`);
  // "=_" cannot occur in quoted-printable or base64 text, so no body line can be mistaken for the boundary.
  const boundary = `=_kredo_${messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 48)}`;
  const fileName = content.fileName;
  const headers = [
    foldHeader('From', mailbox(options.from)),
    foldHeader('To', mailbox(options.to)),
    headerField('Subject', content.subject),
    headerField('Date', rfc5322Date(options.date)),
    headerField('Message-ID', messageId),
    'MIME-Version: 1.0',
    `Content-Language: ${content.language}`,
    'X-Unsent: 1',
    `Content-Type: multipart/mixed;${CRLF} boundary=${quoted(boundary)}`,
  ];
  const text = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(letterPlainText(content, attachmentNote)),
  ];
  const attachment = [
    `Content-Type: application/pdf;${CRLF} name=${quoted(asciiFileName(fileName))}`,
    `Content-Disposition: attachment;${CRLF} filename=${quoted(asciiFileName(fileName))};${CRLF} filename*=${rfc2231Value(fileName)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64TextLines(pdfBase64),
  ];
  return [...headers, '', `--${boundary}`, ...text, `--${boundary}`, ...attachment, `--${boundary}--`, ''].join(CRLF);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ADDRESS = /^[^\s<>()[\]\\,;:@"]+@[^\s<>()[\]\\,;:@"]+$/;

/** `Name <address>` as header words; the name quoted when ASCII, encoded (RFC 2047) when not: "Åkerlunds Färg AB". */
function mailbox(box: Mailbox): string[] {
  if (!ADDRESS.test(box.address)) throw new RangeError(`Not an e-mail address: ${box.address}`);
  const name = box.name?.trim();
  if (!name) return [box.address];
  const words = PRINTABLE_ASCII.test(name) ? [quoted(name)] : headerWords(name);
  return [...words, `<${box.address}>`];
}

function normalisedMessageId(id: string): string {
  const bare = id.replace(/^<|>$/g, '');
  if (!ADDRESS.test(bare)) throw new RangeError(`Not a message id: ${id}`);
  return `<${bare}>`;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1) || 'kredo.invalid';
}
