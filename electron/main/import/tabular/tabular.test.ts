import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ImportProfile, ImportReading, TabularAnalysis } from '../../../../shared/ipc/import-contract';
import { findHeaderRow } from '../../../../shared/import/find-header-row';
import { decodeText, isDamagedText } from '../decode-text';
import { detectDelimiter } from './read-delimited';
import { analyseTabular, parseTabular } from './tabular-job';

const encode = (text: string) => new TextEncoder().encode(text);

// Fortnox's invoice list fields (its API's InvoiceListItem), tab separated, amounts with a decimal comma.
const FORTNOX_TSV = [
  'DocumentNumber\tCustomerNumber\tCustomerName\tInvoiceDate\tDueDate\tTotal\tBalance\tCurrency\tOCR',
  '2026-0103\t1003\tLindqvist Bygg AB\t2026-10-11\t2026-11-10\t45000,00\t45000,00\tSEK\t2026010352',
  '2026-0107\t1003\tLindqvist Bygg AB\t2026-10-20\t2026-11-19\t1250,50\t1250,50\tSEK\t2026010758',
  '2026-0108\t1009\tNorrland Trä AB\t2026-10-22\t2026-11-21\t980,00\t480,00\tSEK\t2026010856',
].join('\n');

async function analyse(bytes: Uint8Array, name: string, options: { reading?: ImportReading; profiles?: ImportProfile[] } = {}): Promise<TabularAnalysis> {
  const kind = name.endsWith('.xlsx') ? 'xlsx' : 'open-items';
  return (await analyseTabular({ name, kind, defaultCurrency: 'EUR', profiles: options.profiles ?? [], ...(options.reading && { reading: options.reading }) }, bytes)) as TabularAnalysis;
}

describe('detecting how a table is written', () => {
  it('reads a tab-separated export with decimal commas and a final newline as tab-separated', () => {
    // The empty last line once tipped papaparse's guess to commas (each row then splits alike at its amounts).
    expect(detectDelimiter(`${FORTNOX_TSV}\n`)).toBe('\t');
    expect(detectDelimiter(`${FORTNOX_TSV}\r\n\r\n`)).toBe('\t');
    expect(detectDelimiter('Klant;Factuur;Bedrag\n1001;F1;12,50\n1002;F2;7,00\n')).toBe(';');
    expect(detectDelimiter('"Name, Inc.",Invoice,Amount\n"Acme, Ltd",F1,12.50\n')).toBe(',');
  });

  it('finds the header below a title and a blank line, and reads the rows under it', async () => {
    const text = `Kundreskontra per 2026-11-24\n\n${FORTNOX_TSV}\n`;
    const analysis = await analyse(encode(text), 'kundreskontra.tsv');
    expect(analysis).toMatchObject({ delimiter: '\t', reading: { encoding: 'utf-8', delimiter: '\t', headerRow: 3 }, presetName: 'Fortnox', rowCount: 3, dialect: { decimal: ',' } });
    expect(analysis.headers[0]).toBe('DocumentNumber');
    expect(analysis.sample).toHaveLength(3);
    const posted: unknown[] = [];
    const parsed = await parseTabular({ name: 'kundreskontra.tsv', kind: 'open-items', reading: analysis.reading, mapping: analysis.mapping, dialect: { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat! } }, encode(text), (message) => posted.push(message));
    expect(parsed).toMatchObject({ recordCount: 3, rowCount: 3, rejectionCount: 0 });
  });

  it('reads the file as the user says: another separator, encoding or header row, the rest still detected', async () => {
    const asked = await analyse(encode(`${FORTNOX_TSV}\n`), 'fortnox.tsv', { reading: { delimiter: ',' } });
    // Read with commas, as a wrong guess would: the controls show what that gives, and what was detected.
    expect(asked.reading.delimiter).toBe(',');
    expect(asked.detected).toMatchObject({ delimiter: '\t', headerRow: 1, encoding: 'utf-8' });
    expect(asked.headers).not.toContain('CustomerNumber');
    const header2 = await analyse(encode(`${FORTNOX_TSV}\n`), 'fortnox.tsv', { reading: { headerRow: 2 } });
    expect(header2.headers[0]).toBe('2026-0103');
    const latin = await analyse(new Uint8Array(Buffer.from('Kundnr;Kundnamn;Fakturanr;Fakturadatum;Restbelopp\n1003;Åkesson Bygg;F1;2026-10-01;10,00\n', 'latin1')), 'visma.csv', { reading: { encoding: 'utf-8' } });
    expect(latin.reading.encoding).toBe('utf-8');
    expect(latin.detected.encoding).toBe('iso-8859-1');
  });

  it('remembers a corrected reading in a saved profile and reads such files that way from then on', async () => {
    // A home-grown ERP: column names Kredo does not know, under a report line wider than the header, so
    // detection takes the report line for the header. The controller corrects the header row once.
    const month = (day: string) => encode(`Rapport\tOpenstaande posten\tper\t${day}-11-2026\tafdeling\tverkoop\tpagina 1\nRel\tDoc\tDd\tVv\tOpenst\n1001\tF1\t01-10-2026\t31-10-2026\t12,50\n`);
    const detected = await analyse(month('24'), 'export-nov.txt');
    expect(detected.reading.headerRow).toBe(1);
    const corrected = await analyse(month('24'), 'export-nov.txt', { reading: { ...detected.reading, headerRow: 2 } });
    expect(corrected.headers).toEqual(['Rel', 'Doc', 'Dd', 'Vv', 'Openst']);
    const profile: ImportProfile = { id: 'p1', name: 'Eigen pakket', headerSignature: 'rel|doc|dd|vv|openst', mapping: { customerCode: 0, invoiceNumber: 1, invoiceDate: 2, dueDate: 3, openAmount: 4 }, dialect: { decimal: ',', dateFormat: 'DD-MM-YYYY', defaultCurrency: 'EUR' }, reading: corrected.reading };
    expect(await analyse(month('30'), 'export-dec.txt', { profiles: [profile] })).toMatchObject({ profileId: 'p1', reading: { headerRow: 2 }, headers: ['Rel', 'Doc', 'Dd', 'Vv', 'Openst'], mapping: profile.mapping, rowCount: 1 });
  });

  it('passes over a saved profile whose way of reading breaks a limit for this file', async () => {
    const profile: ImportProfile = { id: 'p2', name: 'Semicolons', headerSignature: 'a|b', mapping: { customerCode: 0 }, dialect: { decimal: ',', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' }, reading: { encoding: 'utf-8', delimiter: ';', headerRow: 2 } };
    // Read with semicolons from row 2, this file's note column would make 601 columns.
    const text = `${FORTNOX_TSV.split('\n')[0]}\tNote\n${FORTNOX_TSV.split('\n').slice(1).map((line) => `${line}\t${';'.repeat(600)}`).join('\n')}\n`;
    expect(await analyse(encode(text), 'fortnox-notes.tsv', { profiles: [profile] })).toMatchObject({ profileId: null, presetName: 'Fortnox', reading: { delimiter: '\t' } });
  });

  it('finds the open items on a later sheet of a workbook, below a title, and reads another sheet when asked', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Parameters').addRows([['Rapport', 'Openstaande posten debiteuren'], ['Administratie', '001 Van der Velde Verpakkingen B.V.']]);
    const items = workbook.addWorksheet('Openstaande posten');
    items.addRows([['Openstaande posten per 24-11-2026'], [], ['AccountCode', 'AccountName', 'InvoiceNumber', 'InvoiceDate', 'DueDate', 'Amount', 'CurrencyCode'], ['1001', 'Bakker Bouw B.V.', '2026-0101', new Date('2026-10-01T00:00:00Z'), new Date('2026-10-31T00:00:00Z'), 1234.56, 'EUR']]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const analysis = await analyse(bytes, 'exact.xlsx');
    expect(analysis).toMatchObject({ encoding: 'xlsx', sheets: ['Parameters', 'Openstaande posten'], reading: { sheet: 'Openstaande posten', headerRow: 3 }, presetName: 'Exact Online', rowCount: 1 });
    expect(analysis.sample).toEqual([['1001', 'Bakker Bouw B.V.', '2026-0101', '2026-10-01', '2026-10-31', '1234.56', 'EUR']]);
    const first = await analyse(bytes, 'exact.xlsx', { reading: { sheet: 'Parameters' } });
    expect(first).toMatchObject({ reading: { sheet: 'Parameters' }, detected: { sheet: 'Openstaande posten', headerRow: 3 } });
  });

  it('picks the header by the fields its names mean, not by being first', () => {
    expect(findHeaderRow([['Openstaande posten'], ['Debiteur', 'Naam', 'Factuurnummer', 'Factuurdatum', 'Saldo'], ['1001', 'Bakker', 'F1', '01-10-2026', '10,00']])).toBe(1);
    expect(findHeaderRow([['Title'], ['A', 'B', 'C'], ['1', '2', '3']])).toBe(1);
    expect(findHeaderRow([[''], ['  ']])).toBe(-1);
  });
});

describe('text that is damaged', () => {
  it('tells binary garbage from text in any of the encodings exports use', () => {
    expect(isDamagedText(decodeText(encode('Kund;Belopp\nÅkesson;12,50\n')).text)).toBe(false);
    expect(isDamagedText(decodeText(new Uint8Array([...Buffer.from('Relatie;Omschrijving\n1001;Levering ', 'latin1'), 0x96, 0x20, 0x80, 0x35])).text)).toBe(false);
    expect(isDamagedText(decodeText(new Uint8Array([...encode('Kund;Belopp\n'), 0x00, 0x13, 0x81, 0x8d, 0xff, 0x02])).text)).toBe(true);
  });

  it('reads Windows-1252’s typographic characters as they were written', () => {
    // 0x96 is an en dash, 0x80 the euro sign, 0x93/0x94 curly quotes in Windows-1252.
    expect(decodeText(new Uint8Array([0x4c, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x93, 0x78, 0x94])).text).toBe('L – €5 “x”');
  });
});
