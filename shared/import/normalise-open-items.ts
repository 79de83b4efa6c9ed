import { isCurrencyCode, minorUnitDigits } from '../money/money';
import type { DecimalSeparator } from './parse-amount';
import { parseAmount } from './parse-amount';
import { parseDate, type DateFormat } from './parse-date';
import type { ImportRejection, OpenItemRecord, RejectionCode } from './open-item-record';
import type { ColumnMapping, OpenItemField } from './open-item-fields';

export interface OpenItemDialect {
  readonly decimal: DecimalSeparator;
  readonly dateFormat: DateFormat;
  /** The currency of rows without a currency column or value. */
  readonly defaultCurrency: string;
}

export interface NormalisedRows {
  readonly records: OpenItemRecord[];
  readonly rejections: ImportRejection[];
  /**
   * Rows with nothing open (settled lines some exports include). They are kept as records with an open
   * amount of 0: an invoice Kredo still has open is then settled by the import; a new one is not added.
   */
  readonly settledRows: number;
}

/** Tracks invoices across the batches of one file, to catch the same invoice listed twice. */
export type SeenInvoices = Map<string, number>;

class RowRejected extends Error {
  constructor(readonly rejection: ImportRejection) {
    super(rejection.code);
  }
}

/**
 * Turns rows of an open-items export into checked records. A row with a problem is refused whole, with
 * the first problem found (row, field, value as written, reason); good rows go on. `firstRow` is the line
 * number of `rows[0]` in the file.
 */
export function normaliseOpenItemRows(rows: readonly (readonly string[])[], firstRow: number, mapping: ColumnMapping, dialect: OpenItemDialect, seen: SeenInvoices): NormalisedRows {
  const records: OpenItemRecord[] = [];
  const rejections: ImportRejection[] = [];
  let settledRows = 0;
  const widest = Math.max(...Object.values(mapping).filter((column): column is number => column !== undefined));

  rows.forEach((cells, index) => {
    const row = firstRow + index;
    if (cells.every((cell) => cell.trim() === '')) return;
    const reject = (field: OpenItemField | 'row', code: RejectionCode, value: string, firstSeen?: number): never => {
      throw new RowRejected({ row, field, code, value: value.slice(0, 80), ...(firstSeen !== undefined && { firstRow: firstSeen }) });
    };
    const text = (field: OpenItemField) => {
      const column = mapping[field];
      return column === undefined ? '' : (cells[column] ?? '').trim();
    };
    const required = (field: OpenItemField) => text(field) || reject(field, 'missingValue', '');
    const date = (field: OpenItemField, value: string) => parseDate(value, dialect.dateFormat) ?? reject(field, 'dateInvalid', value);

    try {
      if (cells.length <= widest) reject('row', 'tooFewColumns', cells.join(' | '));
      const currencyText = text('currency').toUpperCase() || dialect.defaultCurrency;
      if (!isCurrencyCode(currencyText)) reject('currency', 'currencyUnknown', text('currency'));
      const digits = minorUnitDigits(currencyText);
      const amountOf = (field: OpenItemField, value: string) => {
        const parsed = parseAmount(value, dialect.decimal, digits);
        return parsed.ok ? parsed.minor : reject(field, parsed.code, value);
      };
      const customerCode = required('customerCode');
      const invoiceNumber = required('invoiceNumber');
      const invoiceDate = date('invoiceDate', required('invoiceDate'));
      const dueText = text('dueDate');
      const dueDate = dueText ? date('dueDate', dueText) : undefined;
      if (dueDate && dueDate < invoiceDate) reject('dueDate', 'dueBeforeInvoice', dueText);
      const openMinor = amountOf('openAmount', required('openAmount'));
      const amountText = text('amount');
      const amountMinor = amountText ? amountOf('amount', amountText) : undefined;
      const key = `${customerCode}\u0000${invoiceNumber}`;
      const first = seen.get(key);
      if (first !== undefined) reject('invoiceNumber', 'duplicateInFile', invoiceNumber, first);
      seen.set(key, row);
      if (openMinor === 0) settledRows += 1;
      records.push({
        row,
        customerCode,
        customerName: text('customerName'),
        invoiceNumber,
        invoiceDate,
        dueDate,
        currency: currencyText,
        openMinor,
        amountMinor,
        paymentReference: text('paymentReference').replace(/\s/g, ''),
        vatNumber: text('vatNumber'),
        companyNumber: text('companyNumber'),
        description: text('description'),
      });
    } catch (error) {
      if (error instanceof RowRejected) rejections.push(error.rejection);
      else throw error;
    }
  });
  return { records, rejections, settledRows };
}
