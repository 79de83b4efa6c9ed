import { describe, expect, it } from 'vitest';
import { fromBase64, fromHeaderValue, fromQuotedPrintable, fromRfc2231 } from './mime-decoding.test-support';
import { asciiFileName, base64, base64Lines, headerField, quotedPrintable, rfc2231Value, rfc5322Date } from './mime-encoding';

const lines = (text: string): string[] => text.split('\r\n');

describe('base64', () => {
  it('encodes bytes as any mail program decodes them, also beyond one chunk', () => {
    expect(base64(new TextEncoder().encode('Åkerlunds'))).toBe('w4VrZXJsdW5kcw==');
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31 + 7) % 256);
    const encoded = base64Lines(bytes);
    const decoded = fromBase64(encoded);
    expect(decoded.length).toBe(bytes.length);
    expect(decoded.every((byte, i) => byte === bytes[i])).toBe(true);
    expect(lines(encoded).every((line) => line.length <= 76)).toBe(true);
  });
});

describe('quoted-printable', () => {
  const text = 'Hej Märta Öberg,\n\nAtt betala: 26\u00a0349,30\u00a0kr = 450 kr × 2 … och så vidare, '.repeat(3) + '\nslut med mellanslag \nnästa rad';

  it('reads back to exactly the same text, with CRLF line endings', () => {
    const encoded = quotedPrintable(text);
    expect(fromQuotedPrintable(encoded)).toBe(text.replace(/\n/g, '\r\n'));
  });

  it('keeps every line within 76 characters of printable ASCII, "=" and trailing spaces encoded', () => {
    const encoded = quotedPrintable(text);
    for (const line of lines(encoded)) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).toMatch(/^[\x21-\x7e ]*$/);
      expect(line.endsWith(' ')).toBe(false);
    }
    expect(encoded).toContain('=3D 450');
    expect(encoded).toContain('mellanslag=20\r\n');
  });

  it('never splits the bytes of one character across a soft line break', () => {
    const encoded = quotedPrintable('ö'.repeat(60));
    for (const line of lines(encoded)) expect(line.replace(/=$/, '')).toMatch(/^(=C3=B6)+$/);
  });
});

describe('header fields', () => {
  it('leave ASCII as it is and fold long values at spaces', () => {
    expect(headerField('Subject', 'Final demand - customer number C-3107')).toBe('Subject: Final demand - customer number C-3107');
    const long = headerField('Subject', 'word '.repeat(40).trim());
    expect(lines(long).every((line) => line.length <= 78)).toBe(true);
    expect(fromHeaderValue(long.slice('Subject: '.length))).toBe('word '.repeat(40).trim());
  });

  it('encode a Swedish subject as RFC 2047 words in lines of at most 78 characters, decoded back exactly', () => {
    const subject = 'Betalningspåminnelse – kundnummer K-20045 från Nordströms Byggvaror AB, Göteborg';
    const field = headerField('Subject', subject);
    expect(field).toMatch(/^Subject: =\?UTF-8\?B\?/);
    for (const word of field.match(/=\?[^?]+\?B\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
    expect(lines(field).every((line) => line.length <= 78)).toBe(true);
    expect(fromHeaderValue(field.slice('Subject: '.length))).toBe(subject);
  });

  it('encode line breaks in a value, so that it can never add a header of its own', () => {
    const field = headerField('Subject', 'Reminder\r\nBcc: someone@example.com');
    expect(field).not.toMatch(/\r\nBcc:/);
    expect(fromHeaderValue(field.slice('Subject: '.length))).toBe('Reminder\r\nBcc: someone@example.com');
  });
});

describe('file names and dates', () => {
  it('give a non-ASCII file name both as RFC 2231 UTF-8 and as a plain ASCII fallback', () => {
    expect(rfc2231Value('Betalningspåminnelse K-1.pdf')).toBe("UTF-8''Betalningsp%C3%A5minnelse%20K-1.pdf");
    expect(fromRfc2231(rfc2231Value('Betalningspåminnelse K-1.pdf'))).toBe('Betalningspåminnelse K-1.pdf');
    expect(asciiFileName('Betalningspåminnelse-Åkerlunds-€.pdf')).toBe('Betalningspaminnelse-Akerlunds-_.pdf');
  });

  it('write the Date header in UTC with English day and month names, whatever the locale', () => {
    expect(rfc5322Date(new Date('2026-03-16T08:30:05Z'))).toBe('Mon, 16 Mar 2026 08:30:05 +0000');
    expect(() => rfc5322Date(new Date('not a date'))).toThrow(RangeError);
  });
});
