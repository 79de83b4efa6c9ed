import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { FileAnalysis, ParseSummary, TabularAnalysis } from '../../../shared/ipc/import-contract';
import type { ImportedOpenItem } from '../../../shared/import/open-item-record';
import { decodeOpenItemBatch, unpackOpenItemBatch } from '../../../shared/import/open-item-batch';
import { countNonBlankByteLines, countNonBlankLines, runImportJob, type ImportJobMessage } from './run-import-job';
import { sniffFormat, type FileKind } from './sniff-format';

const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);

async function kindOf(name: string): Promise<FileKind | undefined> {
  return sniffFormat(new Uint8Array(await readFile(fixture(name))).subarray(0, 65_536));
}

async function analyse(name: string): Promise<FileAnalysis> {
  const messages: ImportJobMessage[] = [];
  await runImportJob({ type: 'analyse', path: fixture(name), name, kind: (await kindOf(name))!, defaultCurrency: 'EUR', profiles: [] }, (message) => messages.push(message));
  return (messages.find((message) => message.type === 'analysis') as { analysis: FileAnalysis }).analysis;
}

async function parse(name: string, analysis: TabularAnalysis): Promise<{ records: ImportedOpenItem[]; summary: ParseSummary }> {
  const messages: ImportJobMessage[] = [];
  await runImportJob(
    { type: 'parse', path: fixture(name), name, kind: (await kindOf(name))!, fileId: 'f1', mapping: analysis.mapping, dialect: { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat! } },
    (message) => messages.push(message),
  );
  const records = messages.flatMap((message) => (message.type === 'batch' ? decodeOpenItemBatch(unpackOpenItemBatch(message.bytes, (text) => Buffer.from(text).toString())) : []));
  return { records, summary: (messages.find((message) => message.type === 'summary') as { summary: ParseSummary }).summary };
}

const EXPORTS = [
  ['exact-online-open-items.csv', 'utf-8-bom', ',', 'Exact Online', '.', 'YYYY-MM-DD'],
  ['twinfield-open-items-cp1252.csv', 'windows-1252', ';', 'Twinfield', ',', 'DD-MM-YYYY'],
  ['fortnox-invoices.tsv', 'utf-8', '\t', 'Fortnox', '.', 'YYYY-MM-DD'],
  ['visma-kundreskontra-latin1.csv', 'iso-8859-1', ';', 'Visma', ',', 'YYYY-MM-DD'],
  ['afas-openstaande-posten.xlsx', 'xlsx', '', 'AFAS Profit', '.', 'YYYY-MM-DD'],
  // Issue 12: a TSV with decimal commas and a final newline (once read as comma-separated), and a workbook
  // whose items are on its second sheet below a title.
  ['fortnox-kundreskontra-decimalkomma.tsv', 'utf-8', '\t', 'Fortnox', ',', 'YYYY-MM-DD'],
  ['exact-online-openstaande-posten.xlsx', 'xlsx', '', 'Exact Online', '.', 'YYYY-MM-DD'],
] as const;

describe('open-items exports', () => {
  it.each(EXPORTS)('%s: detects encoding, delimiter, ERP, decimal separator and date format', async (name, encoding, delimiter, preset, decimal, dateFormat) => {
    const analysis = (await analyse(name)) as TabularAnalysis;
    expect(analysis).toMatchObject({ type: 'tabular', encoding, delimiter, presetName: preset, rowCount: 9, dialect: { decimal, dateFormat, defaultCurrency: 'EUR' } });
    expect(analysis.sample).toHaveLength(9);
  });

  it.each(EXPORTS)('%s: reads the same nine items, names with their accents intact', async (name) => {
    const { records, summary } = await parse(name, (await analyse(name)) as TabularAnalysis);
    expect(summary).toMatchObject({ recordKind: 'open-items', recordCount: 9, rejectionCount: 0, rowCount: 9 });
    expect(records.map((record) => [record.customerCode, record.invoiceNumber, record.invoiceDate, record.openMinor, record.currency])).toEqual([
      ['1001', '2026-0101', '2026-10-01', 123_456, 'EUR'],
      ['1001', '2026-0117', '2026-10-31', 85_000, 'EUR'],
      ['1001', 'CN-2026-004', '2026-11-02', -12_000, 'EUR'],
      ['1002', '2026-0102', '2026-08-31', 450_000, 'EUR'],
      ['1002', '2026-0125', '2026-11-15', 225_000, 'EUR'],
      ['1003', '2026-0103', '2026-10-11', 4_500_000, 'SEK'],
      ['1004', '2026-0104', '2026-09-15', 340_000, 'GBP'],
      ['1005', '2026-0105', '2026-10-21', 64_000, 'EUR'],
      ['1006', '2026-0106', '2026-08-01', 987_000, 'EUR'],
    ]);
    expect(records[3]?.customerName).toBe('Coöperatie De Eendracht U.A.');
  });

  it('reports every bad row with its line, field, value and reason, and keeps the good ones (a row repeated verbatim is no problem)', async () => {
    const name = 'open-items-with-errors.csv';
    const { records, summary } = await parse(name, (await analyse(name)) as TabularAnalysis);
    expect(records.map((record) => record.invoiceNumber)).toEqual(['2026-0101']);
    expect(summary.rejections).toEqual([
      { row: 3, field: 'invoiceDate', code: 'dateInvalid', value: '31-09-2026' },
      { row: 4, field: 'openAmount', code: 'amountInvalid', value: 'vierduizend' },
      { row: 5, field: 'customerCode', code: 'missingValue', value: '' },
      { row: 6, field: 'invoiceNumber', code: 'duplicateInFile', value: '2026-0101', firstRow: 2 },
      { row: 7, field: 'currency', code: 'currencyUnknown', value: 'XYZ' },
    ]);
  });

  it('gives the same file the same hash', async () => {
    const name = 'exact-online-open-items.csv';
    const analysis = (await analyse(name)) as TabularAnalysis;
    expect((await parse(name, analysis)).summary.fileHash).toBe((await parse(name, analysis)).summary.fileHash);
  });

  it('applies a saved profile to a file with the same headers', async () => {
    const messages: ImportJobMessage[] = [];
    const name = 'open-items-with-errors.csv';
    const profile = { id: 'p1', name: 'Our ERP', headerSignature: 'debiteurnummer|naam|factuurnummer|factuurdatum|vervaldatum|openstaand|valuta', mapping: { customerCode: 0, invoiceNumber: 2, invoiceDate: 3, openAmount: 5 }, dialect: { decimal: ',' as const, dateFormat: 'DD-MM-YYYY' as const, defaultCurrency: 'SEK' } };
    await runImportJob({ type: 'analyse', path: fixture(name), name, kind: 'open-items', defaultCurrency: 'EUR', profiles: [profile] }, (message) => messages.push(message));
    expect((messages[0] as { analysis: TabularAnalysis }).analysis).toMatchObject({ profileId: 'p1', presetName: null, mapping: profile.mapping, dialect: profile.dialect });
  });
});

describe('sniffing', () => {
  it('tells every fixture’s kind from its content', async () => {
    expect(await kindOf('camt053-v02-abn-amro.xml')).toBe('camt053');
    expect(await kindOf('camt053-v08-cbpr-seb.xml')).toBe('camt053');
    expect(await kindOf('mt940-ing.sta')).toBe('mt940');
    expect(await kindOf('mt940-abn-amro.sta')).toBe('mt940');
    expect(await kindOf('ubl-invoice-peppol.xml')).toBe('ubl');
    expect(await kindOf('afas-openstaande-posten.xlsx')).toBe('xlsx');
    expect(await kindOf('twinfield-open-items-cp1252.csv')).toBe('open-items');
    expect(sniffFormat(new TextEncoder().encode('%PDF-1.7 binary'))).toBeUndefined();
    expect(sniffFormat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]))).toBeUndefined();
  });
});

describe('bank statements and e-invoices', () => {
  it('summarises a CAMT.053 statement and hands over its transactions', async () => {
    expect(await analyse('camt053-v02-abn-amro.xml')).toEqual({ type: 'bank', format: 'camt.053.001.02', statements: 1, credits: 5, debits: 1, pending: 1, currencies: ['EUR'] });
    const messages: ImportJobMessage[] = [];
    await runImportJob({ type: 'parse', path: fixture('mt940-ing.sta'), name: 'mt940-ing.sta', kind: 'mt940', fileId: 'f2', mapping: {}, dialect: { decimal: ',', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' } }, (message) => messages.push(message));
    expect(messages.at(-1)).toMatchObject({ type: 'summary', summary: { recordKind: 'bank-transactions', recordCount: 3, batchCount: 1 } });
  });

  it('reads an e-invoice whose buyer is named only by scheme ids, with its due date in the payment means', async () => {
    const name = 'ubl-invoice-peppol-se-orgnr.xml';
    expect(await analyse(name)).toEqual({ type: 'e-invoice', documentKind: 'invoice', number: '2026-0141', buyerName: 'Lindqvist Bygg AB', openMinor: 1_500_000, currency: 'SEK' });
    const messages: ImportJobMessage[] = [];
    await runImportJob({ type: 'parse', path: fixture(name), name, kind: 'ubl', fileId: 'f3', mapping: {}, dialect: { decimal: '.', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' } }, (message) => messages.push(message));
    const batch = messages.find((message) => message.type === 'batch') as { bytes: Uint8Array };
    const [invoice] = JSON.parse(Buffer.from(batch.bytes).toString()) as { record: Record<string, unknown> }[];
    expect(invoice!.record).toMatchObject({ invoiceNumber: '2026-0141', dueDate: '2026-12-18', currency: 'SEK', openMinor: 1_500_000, vatNumber: 'SE556677889901', paymentReference: expect.stringMatching(/^20260141\d+$/) });
  });

  it('summarises an e-invoice', async () => {
    expect(await analyse('ubl-invoice-peppol.xml')).toEqual({ type: 'e-invoice', documentKind: 'invoice', number: '2026-0131', buyerName: 'De Graaf Tuinbouw B.V.', openMinor: 302_500, currency: 'EUR' });
  });
});

describe('counting the rows of a file', () => {
  const cases: [string, number][] = [
    ['a;b\r\n1;2\r\n\r\n  \n3;4', 3],
    ['a;b\n1;2\n', 2],
    ['\t \r\n\n', 0],
    ['', 0],
    ['Naam;Bedrag\nCafé Ōsaka;€ 12,50', 2],
  ];
  it.each(cases)('counts lines with content in %j, from the text and from its UTF-8 bytes alike', (text, lines) => {
    expect(countNonBlankLines(text)).toBe(lines);
    expect(countNonBlankByteLines(new TextEncoder().encode(text))).toBe(lines);
  });
});
