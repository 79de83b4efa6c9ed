import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tabularAnalysisSchema, type TabularAnalysis } from '../../../../shared/ipc/import-contract';
import { isCurrencyCode } from '../../../../shared/money/money';
import { isIsoDate } from '../../../../shared/time/iso-date';
import { MAX_FIELD_CHARS } from '../../../../shared/import/table-limits';
import { decodeOpenItemBatch, type OpenItemBatch } from '../../../../shared/import/open-item-batch';
import { expectTranslatedRefusal, fuzzOptions } from '../../../../tests/support/fuzz';
import { sniffFormat, unreadableReason, type FileKind } from '../sniff-format';
import { analyseTabular, parseTabular } from './tabular-job';

/**
 * Property-based tests (fast-check) over the CSV/TSV and Excel readers (issue 12, "Done when"): random
 * bytes, truncations and mutations of every open-items fixture. Whatever the input, looking at it and
 * then reading it ends in a result the IPC contract accepts (records whose fields make sense) or in a
 * KredoError whose code is translated in every language and names the file — never another exception or
 * an unhandled rejection. Short inside `npm test`; `npm run fuzz` runs long (tests/support/fuzz.ts).
 */
const FILE = 'fuzzed-export';
const folder = path.resolve('tests/fixtures/imports');
/** Every table among the fixtures, found by content as the importer finds it. */
const TABLES = readdirSync(folder)
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(folder, name))) }))
  .filter(({ bytes }) => {
    const kind = sniffFormat(bytes.subarray(0, 65_536));
    return kind === 'open-items' || kind === 'xlsx';
  });

const expectRefusal = (error: unknown) => expectTranslatedRefusal(error, { file: FILE, namespace: 'import' });

/** Looks at the bytes as the service would (sniffing first), then reads them with what was proposed. */
async function importTable(bytes: Uint8Array): Promise<void> {
  const kind: FileKind | undefined = sniffFormat(bytes.subarray(0, 65_536));
  if (kind !== 'open-items' && kind !== 'xlsx') {
    // Not a table any more (or another kind now: those readers have their own fuzz tests).
    if (!kind) expect(['damagedText', 'unsupported']).toContain(unreadableReason(bytes.subarray(0, 65_536), FILE));
    return;
  }
  let analysis: TabularAnalysis;
  try {
    analysis = tabularAnalysisSchema.parse(await analyseTabular({ name: FILE, kind, defaultCurrency: 'EUR', profiles: [] }, bytes));
  } catch (error) {
    expectRefusal(error);
    return;
  }
  const batches: unknown[] = [];
  try {
    const summary = await parseTabular(
      { name: FILE, kind, reading: analysis.reading, mapping: analysis.mapping, dialect: { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat ?? 'YYYY-MM-DD' } },
      bytes,
      (message) => {
        if (message.type === 'batch') batches.push(message.records);
      },
    );
    expect(summary.rejections.length).toBeLessThanOrEqual(1_000);
  } catch (error) {
    expectRefusal(error);
    return;
  }
  for (const batch of batches) {
    for (const record of decodeOpenItemBatch(batch as OpenItemBatch)) {
      expect(record.customerCode.length > 0 && record.invoiceNumber.length > 0).toBe(true);
      expect(isIsoDate(record.invoiceDate), record.invoiceDate).toBe(true);
      expect(isCurrencyCode(record.currency), record.currency).toBe(true);
      expect(Number.isSafeInteger(record.openMinor)).toBe(true);
      expect(record.customerName.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    }
  }
}

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'),
  // Bytes the formats give meaning to (separators, quotes, line ends, digits, zip signatures), or any byte.
  byte: fc.oneof(fc.constantFrom(...[...';,\t|"\r\n.-0123456789PK'].map((character) => character.charCodeAt(0)), 0x00, 0xff, 0x96, 0xc3), fc.integer({ min: 0, max: 255 })),
  length: fc.integer({ min: 1, max: 64 }),
});

function mutate(source: Uint8Array, mutations: readonly { at: number; kind: string; byte: number; length: number }[]): Uint8Array {
  let bytes = source;
  for (const { at, kind, byte, length } of mutations) {
    const index = bytes.length === 0 ? 0 : at % bytes.length;
    const before = bytes.subarray(0, index);
    if (kind === 'delete') bytes = Buffer.concat([before, bytes.subarray(index + length)]);
    else if (kind === 'insert') bytes = Buffer.concat([before, new Uint8Array(length % 4 === 0 ? length : 1).fill(byte), bytes.subarray(index)]);
    else if (kind === 'duplicate') bytes = Buffer.concat([bytes.subarray(0, index + length), bytes.subarray(index, index + length), bytes.subarray(index + length)]);
    else bytes = Buffer.concat([before, new Uint8Array([byte]), bytes.subarray(index + 1)]);
  }
  return new Uint8Array(bytes);
}

describe('table readers fuzz', { timeout: 120_000 }, () => {
  it('finds the text and workbook fixtures to mutate', () => {
    expect(TABLES.map((table) => table.name)).toEqual(expect.arrayContaining(['fortnox-kundreskontra-decimalkomma.tsv', 'exact-online-openstaande-posten.xlsx', 'twinfield-open-items-cp1252.csv']));
  });

  it('fuzz tables: random bytes end in a result or a translated refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4_000 }), (bytes) => importTable(bytes)),
      fuzzOptions(60),
    );
  });

  it('fuzz tables: random delimited text ends in a result or a translated refusal', async () => {
    const cell = fc.oneof(fc.constantFrom('', '1001', 'F-1', '01-10-2026', '2026-10-01', '1.234,56', '-12.50', 'EUR', 'SEK', 'Factuurnummer', 'Debiteur', 'Saldo', 'Datum', '"a;b"', '"'), fc.string({ maxLength: 12 }));
    const table = fc.record({ separator: fc.constantFrom(';', ',', '\t', '|'), newline: fc.constantFrom('\n', '\r\n', '\r'), rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 }) });
    await fc.assert(
      fc.asyncProperty(table, ({ separator, newline, rows }) => importTable(new TextEncoder().encode(rows.map((row) => row.join(separator)).join(newline)))),
      fuzzOptions(60),
    );
  });

  for (const { name, bytes } of TABLES) {
    it(`fuzz ${name}: every truncation ends in a result or a translated refusal`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: bytes.length }), (length) => importTable(bytes.subarray(0, length))),
        fuzzOptions(name.endsWith('.xlsx') ? 12 : 25),
      );
    });

    it(`fuzz ${name}: mutations end in a result or a translated refusal`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => importTable(mutate(bytes, mutations))),
        fuzzOptions(name.endsWith('.xlsx') ? 12 : 25),
      );
    });
  }
});
