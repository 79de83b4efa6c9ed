import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../tests/support/fuzz';
import { guessMapping } from './guess-mapping';
import { missingRequiredFields } from './open-item-fields';
import { normaliseOpenItemRows, SeenInvoices } from './normalise-open-items';
import type { OpenItemRecord } from './open-item-record';

describe('guessMapping', () => {
  it('recognises an Exact Online export by its column names', () => {
    const { mapping, preset } = guessMapping(['AccountCode', 'AccountName', 'InvoiceNumber', 'InvoiceDate', 'DueDate', 'Amount', 'CurrencyCode', 'Description']);
    expect(preset?.name).toBe('Exact Online');
    expect(mapping).toMatchObject({ customerCode: 0, customerName: 1, invoiceNumber: 2, invoiceDate: 3, dueDate: 4, openAmount: 5, currency: 6, description: 7 });
    expect(missingRequiredFields(mapping)).toEqual([]);
  });

  it('recognises Twinfield, Fortnox and Visma exports', () => {
    expect(guessMapping(['Relatie', 'Naam', 'Factuurnr.', 'Boekdatum', 'Vervaldatum', 'Openstaand bedrag', 'Valuta']).preset?.name).toBe('Twinfield');
    expect(guessMapping(['DocumentNumber', 'CustomerNumber', 'CustomerName', 'InvoiceDate', 'DueDate', 'Balance', 'Total', 'Currency', 'OCR']).mapping).toMatchObject({ invoiceNumber: 0, customerCode: 1, openAmount: 5, amount: 6, paymentReference: 8 });
    expect(guessMapping(['Kundnr', 'Kundnamn', 'Fakturanr', 'Fakturadatum', 'Förfallodatum', 'Restbelopp', 'Valuta', 'OCR']).preset?.name).toBe('Visma');
  });

  it('falls back on Dutch, Swedish and English synonyms, and treats a lone amount as the open amount', () => {
    const { mapping, preset } = guessMapping(['Debiteurnummer', 'Factuurnummer', 'Factuurdatum', 'Bedrag']);
    expect(preset).toBeUndefined();
    expect(mapping).toEqual({ customerCode: 0, invoiceNumber: 1, invoiceDate: 2, openAmount: 3 });
  });

  it('says which required fields it could not find', () => {
    expect(missingRequiredFields(guessMapping(['Klant', 'Notitie']).mapping)).toEqual(['customerCode', 'invoiceNumber', 'invoiceDate', 'openAmount']);
  });
});

describe('normaliseOpenItemRows', () => {
  const mapping = { customerCode: 0, customerName: 1, invoiceNumber: 2, invoiceDate: 3, dueDate: 4, openAmount: 5, currency: 6 };
  const dialect = { decimal: ',' as const, dateFormat: 'DD-MM-YYYY' as const, defaultCurrency: 'EUR' };

  it('keeps good rows and refuses each bad one with its row, field, value and reason', () => {
    const result = normaliseOpenItemRows(
      [
        ['1001', 'Bakker Bouw B.V.', '2026-0101', '01-10-2026', '31-10-2026', '1.234,56', 'EUR'],
        ['1001', 'Bakker Bouw B.V.', '2026-0102', '31-09-2026', '31-10-2026', '10,00', ''],
        ['1002', 'Lindqvist AB', '2026-0103', '02-10-2026', '01-11-2026', 'tolv', 'SEK'],
        ['', 'Nameless', '2026-0104', '02-10-2026', '01-11-2026', '5,00', 'EUR'],
        ['1003', 'Harrington Ltd', '2026-0105', '02-10-2026', '01-10-2026', '5,00', 'GBP'],
        ['1001', 'Bakker Bouw B.V.', '2026-0101', '01-10-2026', '31-10-2026', '1.000,00', 'EUR'],
        ['1004', 'Credit Ltd', '2026-0106', '02-10-2026', '', '150,00-', 'XYZ'],
        ['1005', 'Settled B.V.', '2026-0107', '02-10-2026', '', '0,00', 'EUR'],
        ['', '', '', '', '', '', ''],
        ['1006', 'Short'],
      ],
      2,
      mapping,
      dialect,
      new SeenInvoices(),
    );
    expect(result.records).toHaveLength(2);
    expect(result.records[0]).toMatchObject({ row: 2, customerCode: '1001', invoiceNumber: '2026-0101', invoiceDate: '2026-10-01', dueDate: '2026-10-31', openMinor: 123_456, currency: 'EUR' });
    // A settled line is kept (it settles the invoice if Kredo still has it open) and counted.
    expect(result.records[1]).toMatchObject({ row: 9, invoiceNumber: '2026-0107', openMinor: 0 });
    expect(result.settledRows).toBe(1);
    expect(result.rejections).toEqual([
      { row: 3, field: 'invoiceDate', code: 'dateInvalid', value: '31-09-2026' },
      { row: 4, field: 'openAmount', code: 'amountInvalid', value: 'tolv' },
      { row: 5, field: 'customerCode', code: 'missingValue', value: '' },
      { row: 6, field: 'dueDate', code: 'dueBeforeInvoice', value: '01-10-2026' },
      { row: 7, field: 'invoiceNumber', code: 'duplicateInFile', value: '2026-0101', firstRow: 2 },
      { row: 8, field: 'currency', code: 'currencyUnknown', value: 'XYZ' },
      { row: 11, field: 'row', code: 'tooFewColumns', value: '1006 | Short' },
    ]);
  });

  it('takes a row repeated verbatim as the same invoice, and refuses only a repeat with other content, naming the first row', () => {
    const row = ['1001', 'Bakker Bouw B.V.', '2026-0101', '01-10-2026', '31-10-2026', '1.234,56', 'EUR'];
    const seen = new SeenInvoices();
    // The repeat comes in a later batch of the same file: the file's invoices are tracked across batches.
    const first = normaliseOpenItemRows([row, ['1001', 'Bakker Bouw B.V.', '2026-0102', '01-10-2026', '31-10-2026', '10,00', 'EUR']], 2, mapping, dialect, seen);
    const later = normaliseOpenItemRows([[...row], row.map((cell) => (cell === '1.234,56' ? '1.234,57' : cell)), ['1001', 'Bakker Bouw B.V.', '2026-0102', '01-10-2026', '30-11-2026', '10,00', 'EUR']], 4, mapping, dialect, seen);
    expect(first.records.map((record) => record.invoiceNumber)).toEqual(['2026-0101', '2026-0102']);
    expect(later.records).toEqual([]);
    expect(later.repeatedRows).toBe(1);
    expect(later.rejections).toEqual([
      { row: 5, field: 'invoiceNumber', code: 'duplicateInFile', value: '2026-0101', firstRow: 2 },
      { row: 6, field: 'invoiceNumber', code: 'duplicateInFile', value: '2026-0102', firstRow: 3 },
    ]);
  });

  it('takes a repeat of an invoice as verbatim exactly when it reads as the same record, however each row writes it', () => {
    // Every field a record holds, each written in ways that read alike ("1.234,56" and "1234,56", " EUR" and
    // "eur", "1-10-2026" and "01-10-2026") and ways that do not; the customers' lines come in runs and not.
    const fullMapping = { ...mapping, amount: 7, paymentReference: 8, vatNumber: 9, companyNumber: 10, description: 11 };
    const writings = [
      ['1001', '1002', ' 1001'],
      ['Bakker Bouw B.V.', 'Bakker Bouw BV', ''],
      ['F-1', 'F-2', 'F-3'],
      ['01-10-2026', '1-10-2026', '02-10-2026', '31-09-2026'],
      ['31-10-2026', '31-10-2026 ', '', '30-11-2026'],
      ['1.234,56', '1234,56', '1.234,57', '0,00', '12'],
      ['EUR', ' eur', '', 'SEK', 'JPY'],
      ['', '1.234,56', '1500'],
      ['', 'RF18 5390', 'RF185390', 'RF18 5391'],
      ['', 'NL001234567B01', 'NL001234567B02'],
      ['', '12345678', '87654321'],
      ['', 'Levering', 'Levering '],
    ];
    const row = fc.tuple(...writings.map((values) => fc.constantFrom(...values)));
    // Rows mostly copy one of a few rows, each copy with at most one field written otherwise: repeats that
    // differ in a single field, or only in how it is written, come up in every run.
    const file = fc.tuple(fc.array(row, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 30 })).map(([bases, picks]) =>
      picks.map(([base, field, writing]) => {
        const cells = [...bases[base % bases.length]!];
        const change = field % (writings.length + 4);
        if (change < writings.length) cells[change] = writings[change]![writing % writings[change]!.length]!;
        return cells;
      }),
    );
    fc.assert(
      fc.property(file, (rows) => {
        const result = normaliseOpenItemRows(rows, 2, fullMapping, dialect, new SeenInvoices());
        // What each row says read on its own (no earlier rows to repeat), and what its invoice's first row said.
        const firsts = new Map<string, OpenItemRecord>();
        const records: OpenItemRecord[] = [];
        const duplicates: unknown[] = [];
        let repeated = 0;
        rows.forEach((cells, index) => {
          const [alone] = normaliseOpenItemRows([cells], 2 + index, fullMapping, dialect, new SeenInvoices()).records;
          if (!alone) return;
          const key = JSON.stringify([alone.customerCode, alone.invoiceNumber]);
          const first = firsts.get(key);
          if (!first) {
            firsts.set(key, alone);
            records.push(alone);
          } else if (JSON.stringify({ ...first, row: 0 }) === JSON.stringify({ ...alone, row: 0 })) {
            repeated += 1;
          } else {
            duplicates.push({ row: alone.row, field: 'invoiceNumber', code: 'duplicateInFile', value: alone.invoiceNumber, firstRow: first.row });
          }
        });
        expect(result.records).toEqual(records);
        expect(result.repeatedRows).toBe(repeated);
        expect(result.rejections.filter((rejection) => rejection.code === 'duplicateInFile')).toEqual(duplicates);
      }),
      fuzzOptions(300),
    );
  });

  it('reads credit notes as negative and fills in the default currency', () => {
    const result = normaliseOpenItemRows([['1004', 'Credit B.V.', 'CN-7', '02-10-2026', '', '150,00-', '']], 2, mapping, dialect, new SeenInvoices());
    expect(result.records[0]).toMatchObject({ openMinor: -15_000, currency: 'EUR', dueDate: undefined });
  });
});
