import { describe, expect, it } from 'vitest';
import { assertExportTable, columnHeading, minorUnitsToDecimal, readExportCell, type ExportColumn, type ExportTable } from './export-table';

const amount: ExportColumn = { header: 'Open amount', kind: 'money', currency: 'EUR' };

describe('minorUnitsToDecimal', () => {
  it('writes minor units as the exact decimal of the currency', () => {
    expect(minorUnitsToDecimal(123456, 'EUR')).toBe('1234.56');
    expect(minorUnitsToDecimal(-5, 'EUR')).toBe('-0.05');
    expect(minorUnitsToDecimal(1000, 'JPY')).toBe('1000');
    expect(minorUnitsToDecimal(100000000001, 'SEK')).toBe('1000000000.01');
  });
});

describe('columnHeading', () => {
  it('names the currency of money columns only', () => {
    expect(columnHeading(amount)).toBe('Open amount (EUR)');
    expect(columnHeading({ header: 'Debtor', kind: 'text' })).toBe('Debtor');
  });
});

describe('readExportCell', () => {
  it('reads each kind of cell', () => {
    expect(readExportCell(amount, -5, 0)).toEqual({ kind: 'money', decimal: '-0.05' });
    expect(readExportCell({ header: 'Due', kind: 'date' }, '2026-03-31', 0)).toEqual({ kind: 'date', date: '2026-03-31' });
    expect(readExportCell({ header: 'Share', kind: 'percent' }, 0.85, 0)).toEqual({ kind: 'number', value: 0.85 });
    expect(readExportCell({ header: 'Days', kind: 'integer' }, -3, 0)).toEqual({ kind: 'number', value: -3 });
    expect(readExportCell({ header: 'Name', kind: 'text' }, '=1', 0)).toEqual({ kind: 'text', text: '=1' });
    expect(readExportCell(amount, null, 0)).toEqual({ kind: 'empty' });
  });

  it('refuses a cell that does not fit its column, naming row and column', () => {
    expect(() => readExportCell(amount, 12.5, 4)).toThrow('row 5, column "Open amount" (money) cannot hold 12.5');
    expect(() => readExportCell({ header: 'Due', kind: 'date' }, '2026-02-30', 0)).toThrow(TypeError);
    expect(() => readExportCell({ header: 'Days', kind: 'integer' }, 1.5, 0)).toThrow(TypeError);
    expect(() => readExportCell({ header: 'Rate', kind: 'decimal' }, Number.NaN, 0)).toThrow(TypeError);
    expect(() => readExportCell({ header: 'Name', kind: 'text' }, 42, 0)).toThrow(TypeError);
  });
});

describe('assertExportTable', () => {
  const table = (columns: ExportColumn[], rows: ExportTable['rows']): ExportTable => ({ title: 'Ageing', columns, rows });

  it('accepts a well-formed table', () => {
    expect(() => assertExportTable(table([amount], [[1], [null]]))).not.toThrow();
  });

  it('refuses money without a currency, odd digits and ragged rows', () => {
    expect(() => assertExportTable(table([{ header: 'Amount', kind: 'money' }], []))).toThrow(RangeError);
    expect(() => assertExportTable(table([{ header: 'Amount', kind: 'money', currency: 'EURO' }], []))).toThrow(RangeError);
    expect(() => assertExportTable(table([{ header: 'Rate', kind: 'decimal', fractionDigits: 1.5 }], []))).toThrow(RangeError);
    expect(() => assertExportTable(table([amount], [[1, 2]]))).toThrow('row 1 has 2 cells for 1 columns');
  });
});
