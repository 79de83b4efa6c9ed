import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KredoError } from '../../../../shared/errors/kredo-error';
import { packOpenItemBatch, type OpenItemBatch } from '../../../../shared/import/open-item-batch';
import { fuzzOptions } from '../../../../tests/support/fuzz';
import { readTail, tailReaderHere, type TailJob, type TailReader } from './open-item-part';
import { analyseTabular, parseTabular } from './tabular-job';

/**
 * Guard for reading a large open-items export in two parts at once (issue 14): the head in the job's
 * thread, the tail after a batch boundary elsewhere, an invoice seen in both read again with the head's —
 * the batches (byte for byte), progress, refusals and counts must be those of reading the file in one go,
 * whatever the file's separator, quoting, line breaks, encoding and repeats.
 */
const FILE = 'export';
const utf8 = (text: string) => new TextEncoder().encode(text);
type Request = Parameters<typeof parseTabular>[0];
type Message = { type: 'batch'; bytes: number[]; count: number } | { type: 'progress'; done: number; total: number };

async function parse(request: Request, bytes: Uint8Array, options: Parameters<typeof parseTabular>[3]) {
  const messages: Message[] = [];
  try {
    const fields = await parseTabular(
      request,
      bytes,
      (message) => {
        if (message.type === 'batch') messages.push({ type: 'batch', bytes: [...packOpenItemBatch(message.records as OpenItemBatch, utf8)], count: message.count });
        else if (message.type === 'packed') messages.push({ type: 'batch', bytes: [...gunzipSync(message.packed)], count: message.count });
        else messages.push(message);
      },
      options,
    );
    return { messages, fields };
  } catch (error) {
    if (error instanceof KredoError) return { messages, code: error.code };
    throw error;
  }
}

/** A tail reader that says which tails it was asked for, reading them here. */
function watchedTails(asked: TailJob[]): () => TailReader {
  return () => ({ read: async (job) => (asked.push(job), readTail(job)), close: () => undefined });
}

async function requestFor(bytes: Uint8Array): Promise<Request | undefined> {
  try {
    const analysis = await analyseTabular({ name: FILE, kind: 'open-items', defaultCurrency: 'EUR', profiles: [] }, bytes);
    if (analysis.type !== 'tabular') return undefined;
    return { name: FILE, kind: 'open-items', reading: analysis.reading, mapping: analysis.mapping, dialect: { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat ?? 'DD-MM-YYYY' } };
  } catch (error) {
    if (error instanceof KredoError) return undefined;
    throw error;
  }
}

/** Parses `bytes` in one go and in two parts; returns the tails asked for, after holding the two outcomes to each other. */
async function expectSameInParts(bytes: Uint8Array, sizes: { batch: number; slice: number }): Promise<TailJob[]> {
  const request = await requestFor(bytes);
  if (!request) return [];
  const asked: TailJob[] = [];
  const inParts = await parse(request, bytes, { sizes, tails: watchedTails(asked), minCharsInParts: 0 });
  expect(inParts).toEqual(await parse(request, bytes, { sizes }));
  return asked;
}

const HEADER = ['Debiteurnummer', 'Naam', 'Factuurnummer', 'Factuurdatum', 'Vervaldatum', 'Openstaand bedrag', 'Valuta', 'Betalingskenmerk'];

function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le'): Uint8Array {
  if (encoding === 'utf-8') return utf8(text);
  if (encoding === 'utf-8-bom') return utf8(`\ufeff${text}`);
  if (encoding === 'utf-16le') return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
  // Windows-1252: the generated text holds Latin-1 letters and the euro sign only.
  return Uint8Array.from(text, (character) => (character === '€' ? 0x80 : character.charCodeAt(0)));
}

describe('open-items export read in two parts at once', { timeout: 120_000 }, () => {
  it('reads a large export in two parts, the tail from a batch boundary near the middle, handing over what one reading does', async () => {
    const rows = Array.from({ length: 100 }, (_, index) => `${1000 + Math.floor(index / 7)};Bakker Bouw B.V.;F-${index};01-10-2026;31-10-2026;${index},50;EUR;RF18 ${index}`);
    const asked = await expectSameInParts(utf8([HEADER.join(';'), ...rows, ''].join('\n')), { batch: 10, slice: 5 });
    expect(asked.map((job) => job.tail.firstRow)).toEqual([51]);
  });

  it('reads the tail again with the head’s invoices when an invoice is in both: a verbatim repeat is dropped, a conflicting one refused with the head’s row', async () => {
    const row = (invoice: string, amount: string) => `1001;Bakker Bouw B.V.;${invoice};01-10-2026;31-10-2026;${amount};EUR;`;
    const rows = [...Array.from({ length: 20 }, (_, index) => row(`F-${index}`, '10,00')), row('F-3', '10,00'), row('F-4', '99,00'), row('F-4', '99,00')];
    const asked = await expectSameInParts(utf8([HEADER.join(';'), ...rows].join('\r\n')), { batch: 4, slice: 2 });
    expect(asked).toHaveLength(1);
  });

  it('reads in one go when a quote comes before the middle', async () => {
    const rows = Array.from({ length: 40 }, (_, index) => `1001;"Bakker; Bouw";F-${index};01-10-2026;31-10-2026;10,00;EUR;`);
    expect(await expectSameInParts(utf8([HEADER.join(';'), ...rows].join('\n')), { batch: 4, slice: 2 })).toEqual([]);
  });

  it('hands over what one reading does for generated exports: separators, quotes, line breaks, encodings, repeats, refusals', async () => {
    // Mostly rows Kredo takes, so that invoices repeat across the parts.
    const customer = fc.constantFrom('1001', '1001', '1002', ' 1003 ', '');
    const invoice = fc.oneof(fc.constantFrom('F-1', 'F-2', 'F-3', ''), fc.integer({ min: 1, max: 10_000 }).map((number) => `F-${number}`));
    const date = fc.constantFrom('01-10-2026', '01-10-2026', '31-09-2026', '');
    const due = fc.constantFrom('31-10-2026', '31-10-2026', '', '31-09-2026');
    const name = fc.constantFrom('Bakker Bouw B.V.', 'Lindqvist Ö AB', 'Café € Müller', '');
    const amount = fc.constantFrom('1.234,56', '1.234,56', '0,00', '150,00-', '10', 'tien', '');
    const quoted = fc.constantFrom('"a;b"', '"Quoted\nover lines"', '"x""y"', '"open');
    const file = fc.record({
      delimiter: fc.constantFrom(';', '\t', '|', ','),
      newline: fc.constantFrom('\n', '\r\n'),
      encoding: fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'windows-1252' as const, 'utf-16le' as const),
      rows: fc.array(fc.oneof({ weight: 12, arbitrary: fc.tuple(customer, name, invoice, date, due, amount, fc.constantFrom('EUR', 'SEK', ''), fc.constantFrom('', 'RF18 5390')) }, { weight: 1, arbitrary: fc.constant(undefined) }), { minLength: 4, maxLength: 60 }),
      quote: fc.option(fc.tuple(fc.nat(), quoted)),
      ending: fc.constantFrom('', '\n', '\n\n'),
      sizes: fc.constantFrom({ batch: 4, slice: 2 }, { batch: 6, slice: 3 }, { batch: 1, slice: 1 }, { batch: 9, slice: 9 }),
    });
    let inParts = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ delimiter, newline, encoding, rows, quote, ending, sizes }) => {
        const lines = rows.map((cells) => (cells ? cells.join(delimiter) : ''));
        // A quoted cell somewhere: before the middle the file is read in one go, after it in parts.
        if (quote) lines[quote[0] % lines.length] = `1001${delimiter}${quote[1]}${delimiter}F-9${delimiter}01-10-2026${delimiter}${delimiter}5,00${delimiter}EUR`;
        const text = [HEADER.join(delimiter), ...lines].join(newline) + ending.replaceAll('\n', newline);
        if ((await expectSameInParts(encode(text, encoding), sizes)).length > 0) inParts += 1;
      }),
      fuzzOptions(150),
    );
    // The property is about reading in parts: most generated files must have been.
    expect(inParts).toBeGreaterThan(0);
  });

  it('reads the tail here when the tail reader fails', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `1001;Bakker;F-${index};01-10-2026;31-10-2026;10,00;EUR;`);
    const bytes = utf8([HEADER.join(';'), ...rows].join('\n'));
    const request = (await requestFor(bytes))!;
    const failing = (): TailReader => ({ read: () => Promise.reject(new Error('thread gone')), close: () => undefined });
    expect(await parse(request, bytes, { sizes: { batch: 4, slice: 2 }, tails: failing, minCharsInParts: 0 })).toEqual(await parse(request, bytes, { sizes: { batch: 4, slice: 2 } }));
    expect(await parse(request, bytes, { sizes: { batch: 4, slice: 2 }, tails: tailReaderHere, minCharsInParts: 0 })).toEqual(await parse(request, bytes, { sizes: { batch: 4, slice: 2 } }));
  });
});
