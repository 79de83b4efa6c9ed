/**
 * Reading MIME back, for the tests of the e-mail drafts: the inverse of `mime-encoding.ts`, written
 * independently (and deliberately simply) so that a test compares what a mail program would see.
 */

const decoder = new TextDecoder('utf-8', { fatal: true });

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Quoted-printable back to text: soft line breaks removed, "=XX" turned back into bytes, UTF-8 decoded. */
export function fromQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i] ?? '';
    if (char === '=') {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(char.charCodeAt(0));
    }
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/** A header value with its folds undone and RFC 2047 encoded-words (B or Q) decoded. */
export function fromHeaderValue(value: string): string {
  const unfolded = value.replace(/\r\n(?=[ \t])/g, '');
  // Whitespace between two adjacent encoded-words is not part of the text (RFC 2047 §6.2).
  const adjacent = unfolded.replace(/(\?=)\s+(?==\?)/g, '$1');
  return adjacent.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B' ? decoder.decode(fromBase64(data)) : fromQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

export interface MimePart {
  /** Header names in lower case, values unfolded but not decoded. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** Headers and body of a message or body part (CRLF line endings). */
export function splitPart(text: string): MimePart {
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const headers = new Map<string, string>();
  for (const field of head.split(/\r\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon > 0) headers.set(field.slice(0, colon).toLowerCase(), field.slice(colon + 1).replace(/\r\n(?=[ \t])/g, '').trim());
  }
  return { headers, body: end < 0 ? '' : text.slice(end + 4) };
}

/** The parts of a multipart body, split at its boundary. */
export function multipartParts(body: string, boundary: string): MimePart[] {
  const delimiter = `\r\n--${boundary}`;
  const sections = `\r\n${body}`.split(delimiter);
  // sections[0] is the preamble; the last starts with "--" (the close delimiter) and holds the epilogue.
  return sections
    .slice(1)
    .filter((section) => !section.startsWith('--'))
    .map((section) => splitPart(section.replace(/^\r\n/, '')));
}

/** A parameter of a structured header value, such as `boundary` or `filename*`. */
export function headerParameter(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name.replace('*', '\\*')}=("((?:[^"\\\\]|\\\\.)*)"|[^;\\s]+)`, 'i').exec(value);
  if (!match) return undefined;
  return match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[1];
}

/** An RFC 2231 value (`UTF-8''Betalningsp%C3%A5minnelse.pdf`) as text. */
export function fromRfc2231(value: string): string {
  const [, , encoded = ''] = value.split("'");
  return decodeURIComponent(encoded);
}
