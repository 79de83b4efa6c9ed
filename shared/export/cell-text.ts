import { plainDecimalText, roundDecimalText, shiftDecimalPoint } from './decimal-text';
import { DEFAULT_PERCENT_DIGITS, type ExportColumn, type ExportValue } from './export-table';
import { neutraliseText } from './neutralise-cell';

/**
 * A checked cell as plain text, the way a CSV file carries it: text neutralised against formula injection,
 * numbers with `.` as the decimal point and no grouping, money as its exact decimal, dates as YYYY-MM-DD.
 *
 * A percent column's ratio becomes the percentage itself, rounded to the column's digits (0.8523 → "85.2"):
 * a spreadsheet opening a CSV shows the number as it stands, and "85.2" in a column headed "… %" reads as
 * the grid did, where "0.8523" would not. The shift by two places is done on the digits, not by `* 100`.
 */
export function cellText(column: ExportColumn, value: ExportValue): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'text':
      return neutraliseText(value.text);
    case 'money':
      return value.decimal;
    case 'date':
      return value.date;
    case 'number':
      return numberText(column, value.value);
  }
}

function numberText(column: ExportColumn, value: number): string {
  const plain = plainDecimalText(value);
  if (column.kind === 'percent') return roundDecimalText(shiftDecimalPoint(plain, 2), column.fractionDigits ?? DEFAULT_PERCENT_DIGITS);
  if (column.kind === 'decimal' && column.fractionDigits !== undefined) return roundDecimalText(plain, column.fractionDigits);
  return plain;
}
