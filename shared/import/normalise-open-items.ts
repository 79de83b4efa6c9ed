import { isCurrencyCode, minorUnitDigits } from '../money/money';
import type { IsoDate } from '../time/iso-date';
import type { DecimalSeparator } from './parse-amount';
import { parseAmount } from './parse-amount';
import { parseDate, type DateFormat } from './parse-date';
import type { ImportRejection, OpenItemRecord, RejectionCode } from './open-item-record';
import { OPEN_ITEM_FIELDS, type ColumnMapping, type OpenItemField } from './open-item-fields';

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
  /** Rows with anything in them (blank lines are not counted). */
  readonly filledRows: number;
}

/**
 * Tracks invoices across the batches of one file, to catch the same invoice listed twice: the row each
 * invoice number was first seen on, per customer (nested maps: no key strings to build a million times).
 */
export type SeenInvoices = Map<string, Map<string, number>>;

type Columns = Readonly<Record<OpenItemField, number>>;

/** Reads one row: a record, or the first problem found (field, reason, value as written). */
class RowReader {
  private readonly columns: Columns;
  private readonly widest: number;
  // A file holds few distinct dates (one per invoice day): each is parsed once per batch.
  private readonly dates = new Map<string, IsoDate | undefined>();
  problem: { field: OpenItemField | 'row'; code: RejectionCode; value: string; firstRow?: number } | undefined;

  constructor(
    mapping: ColumnMapping,
    private readonly dialect: OpenItemDialect,
    private readonly seen: SeenInvoices,
  ) {
    this.columns = Object.fromEntries(OPEN_ITEM_FIELDS.map((field) => [field, mapping[field] ?? -1])) as Columns;
    this.widest = Math.max(...Object.values(this.columns));
  }

  private text(cells: readonly string[], field: OpenItemField): string {
    const column = this.columns[field];
    return column < 0 ? '' : (cells[column] ?? '').trim();
  }

  private fail(field: OpenItemField | 'row', code: RejectionCode, value: string, firstRow?: number): undefined {
    this.problem = { field, code, value, ...(firstRow !== undefined && { firstRow }) };
    return undefined;
  }

  private date(value: string): IsoDate | undefined {
    if (this.dates.has(value)) return this.dates.get(value);
    const parsed = parseDate(value, this.dialect.dateFormat);
    this.dates.set(value, parsed);
    return parsed;
  }

  read(cells: readonly string[], row: number): OpenItemRecord | undefined {
    this.problem = undefined;
    if (cells.length <= this.widest) return this.fail('row', 'tooFewColumns', cells.join(' | '));
    const currencyText = this.text(cells, 'currency');
    const currency = currencyText.toUpperCase() || this.dialect.defaultCurrency;
    if (!isCurrencyCode(currency)) return this.fail('currency', 'currencyUnknown', currencyText);
    const customerCode = this.text(cells, 'customerCode');
    if (!customerCode) return this.fail('customerCode', 'missingValue', '');
    const invoiceNumber = this.text(cells, 'invoiceNumber');
    if (!invoiceNumber) return this.fail('invoiceNumber', 'missingValue', '');
    const invoiceDateText = this.text(cells, 'invoiceDate');
    if (!invoiceDateText) return this.fail('invoiceDate', 'missingValue', '');
    const invoiceDate = this.date(invoiceDateText);
    if (!invoiceDate) return this.fail('invoiceDate', 'dateInvalid', invoiceDateText);
    const dueText = this.text(cells, 'dueDate');
    const dueDate = dueText ? this.date(dueText) : undefined;
    if (dueText && !dueDate) return this.fail('dueDate', 'dateInvalid', dueText);
    if (dueDate && dueDate < invoiceDate) return this.fail('dueDate', 'dueBeforeInvoice', dueText);
    const digits = minorUnitDigits(currency);
    const openText = this.text(cells, 'openAmount');
    if (!openText) return this.fail('openAmount', 'missingValue', '');
    const open = parseAmount(openText, this.dialect.decimal, digits);
    if (!open.ok) return this.fail('openAmount', open.code, openText);
    const amountText = this.text(cells, 'amount');
    const amount = amountText ? parseAmount(amountText, this.dialect.decimal, digits) : undefined;
    if (amount && !amount.ok) return this.fail('amount', amount.code, amountText);
    let seenOfCustomer = this.seen.get(customerCode);
    if (!seenOfCustomer) this.seen.set(customerCode, (seenOfCustomer = new Map()));
    const first = seenOfCustomer.get(invoiceNumber);
    if (first !== undefined) return this.fail('invoiceNumber', 'duplicateInFile', invoiceNumber, first);
    seenOfCustomer.set(invoiceNumber, row);
    return {
      row,
      customerCode,
      customerName: this.text(cells, 'customerName'),
      invoiceNumber,
      invoiceDate,
      dueDate,
      currency,
      openMinor: open.minor,
      amountMinor: amount?.ok ? amount.minor : undefined,
      paymentReference: this.text(cells, 'paymentReference').replace(/\s/g, ''),
      vatNumber: this.text(cells, 'vatNumber'),
      companyNumber: this.text(cells, 'companyNumber'),
      description: this.text(cells, 'description'),
    };
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Turns rows of an open-items export into checked records. A row with a problem is refused whole, with
 * the first problem found (row, field, value as written, reason); good rows go on. `firstRow` is the line
 * number of `rows[0]` in the file. Written as one loop over a reusable reader because it runs a million
 * times for a large export: no closures or exceptions per row.
 */
export function normaliseOpenItemRows(rows: readonly (readonly string[])[], firstRow: number, mapping: ColumnMapping, dialect: OpenItemDialect, seen: SeenInvoices): NormalisedRows {
  const reader = new RowReader(mapping, dialect, seen);
  const records: OpenItemRecord[] = [];
  const rejections: ImportRejection[] = [];
  let settledRows = 0;
  let filledRows = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const cells = rows[index]!;
    if (isBlank(cells)) continue;
    filledRows += 1;
    const row = firstRow + index;
    const record = reader.read(cells, row);
    if (record) {
      if (record.openMinor === 0) settledRows += 1;
      records.push(record);
    } else if (reader.problem) {
      rejections.push({ row, ...reader.problem, value: reader.problem.value.slice(0, 80) });
    }
  }
  return { records, rejections, settledRows, filledRows };
}
