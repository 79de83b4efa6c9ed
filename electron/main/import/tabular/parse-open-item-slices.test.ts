import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KredoError } from '../../../../shared/errors/kredo-error';
import { normaliseOpenItemRows, SeenInvoices } from '../../../../shared/import/normalise-open-items';
import { encodeOpenItemBatch, packOpenItemBatch, type OpenItemBatch } from '../../../../shared/import/open-item-batch';
import type { ImportRejection } from '../../../../shared/import/open-item-record';
import { MAX_ROWS } from '../../../../shared/import/table-limits';
import { fuzzOptions } from '../../../../tests/support/fuzz';
import { sniffFormat, type FileKind } from '../sniff-format';
import { analyseTabular, parseTabular } from './tabular-job';
import { openTable } from './tabular-source';

/**
 * Guard for the open-items parse's fast path (issue 14): rows read a slice at a time straight into typed
 * columns (OpenItemBatchBuilder) must hand over exactly what the straightforward reading did — each batch
 * of rows read whole (normaliseOpenItemRows), its records kept and then encoded (encodeOpenItemBatch):
 * the same batches byte for byte once packed, the same progress, the same refusals and counts.
 */
const FILE = 'export';
const utf8 = (text: string) => new TextEncoder().encode(text);
type Message = { type: 'batch'; bytes: number[]; count: number } | { type: 'progress'; done: number; total: number };
interface Outcome {
  readonly messages: Message[];
  readonly rowCount: number;
  readonly settledRows: number;
  readonly rejectionCount: number;
  readonly rejections: ImportRejection[];
}
type Request = Parameters<typeof parseTabular>[0];

const packed = (batch: OpenItemBatch) => [...packOpenItemBatch(batch, utf8)];

/** The parse as it was: a batch of rows at a time, read whole into records, then encoded. */
async function parseTheLongWay(request: Request, bytes: Uint8Array, batchSize: number): Promise<Outcome> {
  const source = (await openTable(bytes, request.kind, request.name)).read(request.reading ?? {});
  const seen = new SeenInvoices();
  const total = Math.max(1, source.lineCount);
  const outcome = { messages: [] as Message[], rowCount: 0, settledRows: 0, rejectionCount: 0, rejections: [] as ImportRejection[] };
  source.rowsBelowHeader(batchSize, (rows, firstRow) => {
    const result = normaliseOpenItemRows(rows, firstRow, request.mapping, request.dialect, seen);
    outcome.rejectionCount += result.rejections.length;
    if (outcome.rejections.length < 1_000) outcome.rejections.push(...result.rejections.slice(0, 1_000 - outcome.rejections.length));
    outcome.settledRows += result.settledRows;
    outcome.rowCount += result.filledRows;
    if (outcome.rowCount > MAX_ROWS) throw new Error('too many rows');
    if (result.records.length > 0) outcome.messages.push({ type: 'batch', bytes: packed(encodeOpenItemBatch(result.records)), count: result.records.length });
    outcome.messages.push({ type: 'progress', done: firstRow + rows.length - 1, total });
  });
  return outcome;
}

async function parseFast(request: Request, bytes: Uint8Array, sizes: { batch: number; slice: number }): Promise<Outcome | KredoError> {
  const messages: Message[] = [];
  try {
    const fields = await parseTabular(request, bytes, (message) => messages.push(message.type === 'batch' ? { type: 'batch', bytes: packed(message.records as OpenItemBatch), count: message.count } : message), sizes);
    return { messages, rowCount: fields.rowCount, settledRows: fields.settledRows, rejectionCount: fields.rejectionCount, rejections: fields.rejections };
  } catch (error) {
    if (error instanceof KredoError) return error;
    throw error;
  }
}

/** Reads `bytes` as proposed by the analysis, both ways, with batches of `sizes.batch` rows, and holds them to each other. */
async function expectSameParse(bytes: Uint8Array, sizes: { batch: number; slice: number }): Promise<void> {
  const kind: FileKind | undefined = sniffFormat(bytes.subarray(0, 65_536));
  if (kind !== 'open-items' && kind !== 'xlsx') return;
  let request: Request;
  try {
    const analysis = await analyseTabular({ name: FILE, kind, defaultCurrency: 'EUR', profiles: [] }, bytes);
    if (analysis.type !== 'tabular') return;
    request = { name: FILE, kind, reading: analysis.reading, mapping: analysis.mapping, dialect: { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat ?? 'DD-MM-YYYY' } };
  } catch (error) {
    if (error instanceof KredoError) return;
    throw error;
  }
  const fast = await parseFast(request, bytes, sizes);
  if (fast instanceof KredoError) {
    // Refused before any row is read (the header), or for having no rows at all: the long way found none either.
    if (fast.code === 'import.noRows') expect((await parseTheLongWay(request, bytes, sizes.batch)).rowCount).toBe(0);
    return;
  }
  expect(fast).toEqual(await parseTheLongWay(request, bytes, sizes.batch));
}

const folder = path.resolve('tests/fixtures/imports');
const FIXTURES = readdirSync(folder).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(folder, name))) }));

describe('open-items parse a slice at a time', { timeout: 120_000 }, () => {
  for (const { name, bytes } of FIXTURES) {
    it(`hands over what the whole-batch reading did: ${name}`, async () => {
      for (const sizes of [{ batch: 20_000, slice: 2_000 }, { batch: 6, slice: 2 }, { batch: 6, slice: 3 }, { batch: 4, slice: 4 }, { batch: 1, slice: 1 }]) await expectSameParse(bytes, sizes);
    });
  }

  it('hands over what the whole-batch reading did for generated exports: repeats, conflicts, refusals, blank lines, lines above the header', async () => {
    const customer = fc.constantFrom('1001', '1002', '1003', ' 1004 ', '');
    const invoice = fc.constantFrom('F-1', 'F-2', 'F-3', 'F-4', 'F-5', 'F-6', 'A\u0001B', '');
    const date = fc.constantFrom('01-10-2026', '15-10-2026', '31-10-2026', '31-09-2026', '', 'gisteren');
    const amount = fc.constantFrom('1.234,56', '0,00', '150,00-', '10', 'tien', '', '1,234');
    const row = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(customer, fc.constantFrom('Bakker Bouw B.V.', 'Lindqvist AB', ''), invoice, date, date, amount, fc.constantFrom('EUR', 'SEK', '', 'XYZ'), fc.constantFrom('', 'RF18 5390', '"a;b"')).map((cells) => cells.join(';')) },
      { weight: 1, arbitrary: fc.constantFrom('', ';;;;;;;', '1006;Short', '"1007";"Quoted\nover lines";F-9;01-10-2026;31-10-2026;5,00;EUR;') },
    );
    const file = fc.record({ title: fc.constantFrom([], ['Openstaande posten per 24-11-2026'], ['Export', '']), rows: fc.array(row, { maxLength: 40 }), sizes: fc.constantFrom({ batch: 6, slice: 2 }, { batch: 6, slice: 3 }, { batch: 4, slice: 1 }, { batch: 9, slice: 9 }) });
    await fc.assert(
      fc.asyncProperty(file, async ({ title, rows, sizes }) => {
        const text = [...title, 'Debiteurnummer;Naam;Factuurnummer;Factuurdatum;Vervaldatum;Openstaand bedrag;Valuta;Betalingskenmerk', ...rows].join('\n');
        await expectSameParse(utf8(text), sizes);
      }),
      fuzzOptions(150),
    );
  });

  it('refuses slices that do not divide a batch', async () => {
    const bytes = utf8('Debiteurnummer;Factuurnummer;Factuurdatum;Openstaand bedrag\n1001;F-1;01-10-2026;10,00\n');
    const request: Request = { name: FILE, kind: 'open-items', mapping: { customerCode: 0, invoiceNumber: 1, invoiceDate: 2, openAmount: 3 }, dialect: { decimal: ',', dateFormat: 'DD-MM-YYYY', defaultCurrency: 'EUR' } };
    await expect(parseTabular(request, bytes, () => undefined, { batch: 6, slice: 4 })).rejects.toThrow(RangeError);
  });
});
