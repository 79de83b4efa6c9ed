import { describe, expect, it } from 'vitest';
import { cellText } from './cell-text';
import { readExportCell, type ExportCell, type ExportColumn } from './export-table';

const text = (column: ExportColumn, cell: ExportCell): string => cellText(column, readExportCell(column, cell, 0));

describe('cellText', () => {
  it('writes percent columns as the percentage, rounded to the column digits', () => {
    expect(text({ header: 'CEI', kind: 'percent' }, 0.85)).toBe('85.0');
    expect(text({ header: 'CEI', kind: 'percent' }, 0.07)).toBe('7.0');
    expect(text({ header: 'CEI', kind: 'percent', fractionDigits: 2 }, 0.012345)).toBe('1.23');
    expect(text({ header: 'CEI', kind: 'percent' }, -0.1234)).toBe('-12.3');
  });

  it('writes decimals in full, or rounded when the column fixes its digits', () => {
    expect(text({ header: 'DSO', kind: 'decimal' }, 41.123456)).toBe('41.123456');
    expect(text({ header: 'DSO', kind: 'decimal', fractionDigits: 1 }, 41.25)).toBe('41.3');
    expect(text({ header: 'Days', kind: 'integer' }, -12)).toBe('-12');
  });

  it('writes money exactly, dates as they are, and neutralises text', () => {
    expect(text({ header: 'Amount', kind: 'money', currency: 'EUR' }, 100000000001)).toBe('1000000000.01');
    expect(text({ header: 'Amount', kind: 'money', currency: 'EUR' }, -5)).toBe('-0.05');
    expect(text({ header: 'Due', kind: 'date' }, '2026-03-31')).toBe('2026-03-31');
    expect(text({ header: 'Note', kind: 'text' }, '=1+1')).toBe("'=1+1");
    expect(text({ header: 'Note', kind: 'text' }, null)).toBe('');
  });
});
