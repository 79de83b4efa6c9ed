/**
 * The few pieces of MIME that an e-mail draft needs, written by hand: the project has no mail library,
 * and the well-known ones (nodemailer, mailparser) need Node. Everything here is plain string and byte
 * work that runs in a browser, a Web Worker and Node alike.
 * - base64 for attachments (RFC 2045 §6.8), in lines of 76 characters;
 * - quoted-printable for the text body (RFC 2045 §6.7), so a draft stays readable in any text editor;
 * - encoded-words for non-ASCII header text such as a Swedish subject (RFC 2047);
 * - RFC 2231 parameter values for non-ASCII file names;
 * - the RFC 5322 date.
 * Output lines end in CRLF and stay within 78 characters (a single header word could take up to 998).
 */

export const CRLF = '\r\n';
const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Bytes as base64, without line breaks. btoa is in every browser, worker and Node; Buffer is not. */
export function base64(bytes: Uint8Array): string {
  const CHUNK = 3 * 8_192; // a multiple of 3, so the chunks' base64 texts join without padding inside
  let text = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    text += btoa(String.fromCharCode(...bytes.subarray(start, start + CHUNK)));
  }
  return text;
}

/** Bytes as base64 in lines of 76 characters, as an attachment's body. */
export function base64Lines(bytes: Uint8Array): string {
  return base64TextLines(base64(bytes));
}

/** Base64 text already encoded (a kept letter's PDF) in lines of 76 characters, so it is not encoded twice. */
export function base64TextLines(text: string): string {
  const lines: string[] = [];
  for (let start = 0; start < text.length; start += 76) lines.push(text.slice(start, start + 76));
  return lines.join(CRLF);
}

const QP_MAX = 76;

/**
 * UTF-8 text as quoted-printable: printable ASCII stays as it is, everything else (and "=") becomes
 * "=XX"; a space or tab at the end of a line is encoded so that no mail system can strip it; lines
 * longer than 76 characters are broken with a soft line break ("=" at the end), which the reader's
 * mail program joins again.
 */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      // One token per character, so a soft line break never splits the bytes of "ö" or "€".
      const chars = [...line];
      const tokens = chars.map((char, i) => {
        const code = char.codePointAt(0) ?? 0;
        const literal = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && i < chars.length - 1);
        return literal ? char : [...utf8(char)].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        // Leave room for the "=" of a soft line break.
        if (current.length + token.length > QP_MAX - 1) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Bytes of text per encoded-word: 30 bytes make 40 base64 characters, a 52-character word, so that
 * "Subject: " or a "From: " name plus a word still fits a 78-character line. RFC 2047 allows up to 75.
 */
const ENCODED_WORD_BYTES = 30;
const LINE = 78;

/**
 * Header text as the words a header is written in: printable ASCII split at its spaces, anything else
 * as RFC 2047 encoded-words ("=?UTF-8?B?…?="), each holding whole characters. Line breaks in the text
 * are encoded too, so a value can never start a header of its own.
 */
export function headerWords(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split(' ');
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const char of text) {
    const size = utf8(char).length;
    if (chunkBytes + size > ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += char;
    chunkBytes += size;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${base64(utf8(word))}?=`);
}

/**
 * One header field from its words, folded between words so that lines stay within 78 characters
 * (RFC 5322 §2.2.3); a single word longer than that keeps a line of its own (RFC 5322 allows 998).
 */
export function foldHeader(name: string, words: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of words) {
    if (line.length + 1 + word.length > LINE && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** An unstructured header field such as Subject, encoded and folded. */
export function headerField(name: string, value: string): string {
  return foldHeader(name, headerWords(value));
}

/** A quoted-string (RFC 5322 §3.2.4) for an ASCII display name or parameter value. */
export function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** A file name for the plain `filename=` parameter: accents dropped, anything else outside ASCII as "_". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

/** A parameter value in RFC 2231 form, `UTF-8''` and percent-encoded bytes, for `filename*=`. */
export function rfc2231Value(text: string): string {
  const ATTRIBUTE_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;
  let out = "UTF-8''";
  for (const byte of utf8(text)) {
    const char = String.fromCharCode(byte);
    out += byte < 128 && ATTRIBUTE_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An instant as an RFC 5322 date in UTC, "Tue, 10 Mar 2026 09:15:00 +0000" (English names, by the RFC). */
export function rfc5322Date(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('An e-mail needs a valid date');
  const two = (value: number): string => String(value).padStart(2, '0');
  const day = DAYS[instant.getUTCDay()] ?? '';
  const month = MONTHS[instant.getUTCMonth()] ?? '';
  const time = `${two(instant.getUTCHours())}:${two(instant.getUTCMinutes())}:${two(instant.getUTCSeconds())}`;
  return `${day}, ${instant.getUTCDate()} ${month} ${instant.getUTCFullYear()} ${time} +0000`;
}
