import { beforeAll, describe, expect, it } from 'vitest';
import type { DunningLetterInput } from './dunning-letter';
import { buildLetterEml, type LetterEmlOptions } from './letter-eml';
import { buildLetterPdf } from './letter-pdf';
import { swedishCollectionDemand } from './letter-test-cases.test-support';
import { fromBase64, fromHeaderValue, fromQuotedPrintable, fromRfc2231, headerParameter, multipartParts, splitPart, type MimePart } from './mime-decoding.test-support';

const BUILD_TIMEOUT_MS = 120_000;

/**
 * A Swedish first reminder with the agreed 60 kr påminnelseavgift (no 450 kr on a reminder that carries
 * the fee): 25 170,50 kr principal + 278,80 kr interest + 60,00 kr = 25 509,30 kr.
 */
const swedishReminder: DunningLetterInput = {
  ...swedishCollectionDemand,
  step: 'reminder-1',
  costs: [{ code: 'SE_PAMINNELSEAVGIFT', amountMinor: 6_000 }],
};

const options: LetterEmlOptions = {
  from: { name: 'Nordströms Byggvaror AB', address: 'reskontra@nordstroms.se' },
  to: { name: 'Åkerlunds Färg & Kakel AB', address: 'ekonomi@akerlundsfarg.se' },
  messageId: 'paminnelse-k20045-2026-03-16@nordstroms.se',
  date: new Date('2026-03-16T08:30:00Z'),
};

const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('a Swedish reminder as an e-mail draft', () => {
  let pdf: Uint8Array;
  let eml: string;
  let message: MimePart;
  let parts: MimePart[];

  beforeAll(async () => {
    pdf = await buildLetterPdf(swedishReminder);
    eml = buildLetterEml(swedishReminder, pdf, options);
    message = splitPart(eml);
    const boundary = headerParameter(message.headers.get('content-type') ?? '', 'boundary') ?? '';
    parts = multipartParts(message.body, boundary);
  }, BUILD_TIMEOUT_MS);

  it('ends every line in CRLF and keeps every line within 998 characters (78 in practice)', () => {
    expect(eml).not.toMatch(/[^\r]\n/);
    expect(eml).not.toMatch(/\r(?!\n)/);
    const longest = Math.max(...eml.split('\r\n').map((line) => line.length));
    expect(longest).toBeLessThanOrEqual(998);
    expect(longest).toBeLessThanOrEqual(78);
  });

  it('has the Swedish subject, sender and recipient, decoded as a mail program shows them', () => {
    expect(fromHeaderValue(message.headers.get('subject') ?? '')).toBe('Betalningspåminnelse – kundnummer K-20045');
    for (const word of (message.headers.get('subject') ?? '').split(' ')) expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(fromHeaderValue(message.headers.get('from') ?? '')).toBe('Nordströms Byggvaror AB <reskontra@nordstroms.se>');
    expect(fromHeaderValue(message.headers.get('to') ?? '')).toBe('Åkerlunds Färg & Kakel AB <ekonomi@akerlundsfarg.se>');
    expect(message.headers.get('date')).toBe('Mon, 16 Mar 2026 08:30:00 +0000');
    expect(message.headers.get('message-id')).toBe('<paminnelse-k20045-2026-03-16@nordstroms.se>');
  });

  it('opens as a draft: X-Unsent, MIME 1.0, multipart/mixed', () => {
    expect(message.headers.get('x-unsent')).toBe('1');
    expect(message.headers.get('mime-version')).toBe('1.0');
    expect(message.headers.get('content-type')).toMatch(/^multipart\/mixed;/);
    expect(parts).toHaveLength(2);
  });

  it('carries the letter’s text as UTF-8 text, with the same invoices and totals as the PDF', () => {
    const [text] = parts;
    expect(text?.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(text?.headers.get('content-transfer-encoding')).toBe('quoted-printable');
    const body = plain(fromQuotedPrintable(text?.body ?? ''));
    expect(body.startsWith('Hej Märta Öberg,\r\n\r\nEnligt våra noteringar')).toBe(true);
    expect(body).toContain('Vi ber er betala totalt 25 509,30 kr senast den 26 mars 2026.');
    expect(body).toContain('- Faktura 2026-118: Fakturadatum 2026-01-01, Förfallodag 2026-01-31, Dröjsmålsdagar 44, Fakturabelopp 18 750,00 kr, Restbelopp 18 750,00 kr, Ränta 226,03 kr');
    expect(body).toContain('- Faktura 2026-131:');
    expect(body).toContain('Påminnelseavgift: 60,00 kr\r\nAtt betala: 25 509,30 kr');
    expect(body).toContain('Brevet finns bifogat som pdf.');
  });

  it('attaches the PDF, named after the letter and customer, byte for byte', () => {
    const attachment = parts[1];
    expect(attachment?.headers.get('content-type')).toMatch(/^application\/pdf;/);
    expect(attachment?.headers.get('content-transfer-encoding')).toBe('base64');
    const disposition = attachment?.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment;/);
    expect(fromRfc2231(headerParameter(disposition, 'filename*') ?? '')).toBe('Betalningspåminnelse-K-20045-2026-03-16.pdf');
    expect(headerParameter(disposition, 'filename')).toBe('Betalningspaminnelse-K-20045-2026-03-16.pdf');
    const bytes = fromBase64(attachment?.body ?? '');
    expect(bytes.length).toBe(pdf.length);
    expect(bytes.every((byte, i) => byte === pdf[i])).toBe(true);
  });

  it('is the same draft, byte for byte, when written again with the same message id', () => {
    expect(buildLetterEml(swedishReminder, pdf, options)).toBe(eml);
  });

  it('makes up a message id at the sender’s domain when none is given', () => {
    const { messageId: _given, ...withoutId } = options;
    const draft = splitPart(buildLetterEml(swedishReminder, pdf, withoutId));
    expect(draft.headers.get('message-id')).toMatch(/^<[0-9a-f-]{36}@nordstroms\.se>$/);
  });

  it('refuses an address that would smuggle in another header', () => {
    expect(() => buildLetterEml(swedishReminder, pdf, { ...options, to: { address: 'ekonomi@akerlundsfarg.se\r\nBcc: x@example.com' } })).toThrow(RangeError);
  });
});

describe('a Swedish final demand as an e-mail draft', () => {
  it('has its subject with the en dash encoded and decoded back', () => {
    const message = splitPart(buildLetterEml(swedishCollectionDemand, new Uint8Array([37, 80, 68, 70]), options));
    expect(fromHeaderValue(message.headers.get('subject') ?? '')).toBe('Slutligt betalningskrav – kundnummer K-20045');
    expect(message.headers.get('content-language')).toBe('sv');
  });
});
