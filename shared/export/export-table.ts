import { isCurrencyCode, money, toDecimalString } from '../money/money';
import { isIsoDate, type IsoDate } from '../time/iso-date';
import type { DecimalText } from './decimal-text';

/**
 * A grid to export, independent of the file format: the screens describe what they show, and the CSV and
 * Excel builders decide how each format writes it.
 */
export type ExportCellKind = 'text' | 'integer' | 'decimal' | 'percent' | 'money' | 'date';

export interface ExportColumn {
  readonly header: string;
  readonly kind: ExportCellKind;
  /** for 'money': the column's currency (ISO 4217) */
  readonly currency?: string;
  /** for 'decimal': decimals shown (default: as many as the number has); for 'percent': decimals of the percentage (default 1) */
  readonly fractionDigits?: number;
}

/** A cell: text for 'text', a number for integer/decimal, a ratio (0.85 = 85 %) for percent, minor units (integer) for money, 'YYYY-MM-DD' for date; null = empty. */
export type ExportCell = string | number | null;

export interface ExportTable {
  readonly title: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly ExportCell[])[];
}

/** A percentage shows one decimal (85.2 %) unless its column says otherwise. */
export const DEFAULT_PERCENT_DIGITS = 1;

/**
 * The exact decimal text of an amount in minor units, for example 123456 EUR → "1234.56", -5 EUR → "-0.05",
 * 1000 JPY → "1000". Integer and string arithmetic only (shared/money/money.ts).
 */
export function minorUnitsToDecimal(amountMinor: number, currency: string): DecimalText {
  return toDecimalString(money(amountMinor, currency));
}

/**
 * A column's heading in the file. Money columns name their currency, because a number in a spreadsheet
 * cell no longer carries it: "Open amount (EUR)".
 */
export function columnHeading(column: ExportColumn): string {
  return column.kind === 'money' ? `${column.header} (${column.currency ?? ''})` : column.header;
}

/** A cell checked against its column's kind: what the builders write. */
export type ExportValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  /** integer, decimal, or a percent column's ratio */
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'money'; readonly decimal: DecimalText }
  | { readonly kind: 'date'; readonly date: IsoDate };

const EMPTY: ExportValue = { kind: 'empty' };

/**
 * Checks the table's shape once, before any row is written: a money column needs a known currency, digits
 * must be whole, and every row must have one cell per column. A table that breaks these rules is a bug in
 * the screen that built it, so this throws rather than export something subtly wrong.
 */
export function assertExportTable(table: ExportTable): void {
  table.columns.forEach((column) => {
    if (column.kind === 'money' && !isCurrencyCode(column.currency)) {
      throw new RangeError(`Export "${table.title}": money column "${column.header}" needs an ISO 4217 currency, got ${String(column.currency)}`);
    }
    const digits = column.fractionDigits;
    if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 20)) {
      throw new RangeError(`Export "${table.title}": column "${column.header}" has fractionDigits ${digits}; expected 0 to 20`);
    }
  });
  table.rows.forEach((row, index) => {
    if (row.length !== table.columns.length) {
      throw new RangeError(`Export "${table.title}": row ${index + 1} has ${row.length} cells for ${table.columns.length} columns`);
    }
  });
}

/** Reads one cell as its column's kind; throws a TypeError naming the row and column when it does not fit. */
export function readExportCell(column: ExportColumn, cell: ExportCell | undefined, rowIndex: number): ExportValue {
  if (cell === null || cell === undefined) return EMPTY;
  switch (column.kind) {
    case 'text':
      if (typeof cell === 'string') return { kind: 'text', text: cell };
      break;
    case 'integer':
      if (Number.isSafeInteger(cell)) return { kind: 'number', value: cell as number };
      break;
    case 'decimal':
    case 'percent':
      if (typeof cell === 'number' && Number.isFinite(cell)) return { kind: 'number', value: cell };
      break;
    case 'money':
      if (Number.isSafeInteger(cell)) return { kind: 'money', decimal: minorUnitsToDecimal(cell as number, column.currency ?? '') };
      break;
    case 'date':
      if (isIsoDate(cell)) return { kind: 'date', date: cell };
      break;
  }
  throw new TypeError(`Export row ${rowIndex + 1}, column "${column.header}" (${column.kind}) cannot hold ${typeof cell === 'string' ? JSON.stringify(cell) : String(cell)}`);
}
