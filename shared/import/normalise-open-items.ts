import { Cyrb53Stream } from '../hash/cyrb53';
import { isCurrencyCode, minorUnitDigits } from '../money/money';
import type { IsoDate } from '../time/iso-date';
import type { DecimalSeparator } from './parse-amount';
import { parseAmount } from './parse-amount';
import { parseDate, type DateFormat } from './parse-date';
import type { ImportRejection, OpenItemRecord, RejectionCode } from './open-item-record';
import { OPEN_ITEM_FIELDS, type ColumnMapping, type OpenItemField } from './open-item-fields';
import { MAX_COLUMNS, MAX_FIELD_CHARS } from './table-limits';

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
  /** Rows repeating an earlier row's invoice with the same content: the same invoice, so nothing to add. */
  readonly repeatedRows: number;
}

/**
 * Tracks invoices across the batches of one file, to catch the same invoice listed twice: the row each
 * invoice number was first seen on, per customer, and a fingerprint of what that row said about it. Nested
 * maps (no key strings to build a million times) whose values index two typed arrays: a million invoices
 * are then a million small integers, not a million objects for the garbage collector to walk.
 */
export class SeenInvoices {
  private readonly byCustomer = new Map<string, Map<string, number>>();
  private rows = new Int32Array(1024);
  private prints = new Float64Array(1024);
  private count = 0;

  /** The first sighting of this invoice, or undefined after recording this one as the first. */
  firstOrAdd(customerCode: string, invoiceNumber: string, row: number, fingerprint: number): { readonly row: number; readonly fingerprint: number } | undefined {
    let ofCustomer = this.byCustomer.get(customerCode);
    if (!ofCustomer) this.byCustomer.set(customerCode, (ofCustomer = new Map()));
    const index = ofCustomer.get(invoiceNumber);
    if (index !== undefined) return { row: this.rows[index]!, fingerprint: this.prints[index]! };
    if (this.count === this.rows.length) {
      const rows = new Int32Array(this.count * 2);
      rows.set(this.rows);
      const prints = new Float64Array(this.count * 2);
      prints.set(this.prints);
      [this.rows, this.prints] = [rows, prints];
    }
    this.rows[this.count] = row;
    this.prints[this.count] = fingerprint;
    ofCustomer.set(invoiceNumber, this.count);
    this.count += 1;
    return undefined;
  }
}

const hasher = new Cyrb53Stream();

/**
 * A 53-bit hash of what a record says (cyrb53, shared/hash/cyrb53.ts): two rows of one invoice with the
 * same fingerprint say the same thing. Holding a number per invoice, not the row itself, keeps a
 * million-row file's bookkeeping small; a chance collision (about 1 in 2^53) would only let a conflicting
 * repeat pass as a verbatim one.
 */
function fingerprint(record: Omit<OpenItemRecord, 'row'>): number {
  return hasher
    .reset()
    .text(record.customerName)
    .text(record.invoiceDate)
    .text(record.dueDate ?? '')
    .text(record.currency)
    .number(record.openMinor)
    .number(record.amountMinor)
    .text(record.paymentReference)
    .text(record.vatNumber)
    .text(record.companyNumber)
    .text(record.description)
    .digest();
}

type Columns = Readonly<Record<OpenItemField, number>>;

/** Reads one row: a record, or the first problem found (field, reason, value as written). */
class RowReader {
  private readonly columns: Columns;
  private readonly widest: number;
  private readonly mapped: readonly (readonly [OpenItemField, number])[];
  // A file holds few distinct dates (one per invoice day): each is parsed once per batch.
  private readonly dates = new Map<string, IsoDate | undefined>();
  problem: { field: OpenItemField | 'row'; code: RejectionCode; value: string; firstRow?: number } | undefined;
  /** The last row read repeated an earlier one verbatim (as Kredo reads it): neither a record nor a problem. */
  isRepeat = false;

  constructor(
    mapping: ColumnMapping,
    private readonly dialect: OpenItemDialect,
    private readonly seen: SeenInvoices,
  ) {
    this.columns = Object.fromEntries(OPEN_ITEM_FIELDS.map((field) => [field, mapping[field] ?? -1])) as Columns;
    this.widest = Math.max(...Object.values(this.columns));
    this.mapped = OPEN_ITEM_FIELDS.flatMap((field) => (this.columns[field] >= 0 ? [[field, this.columns[field]] as const] : []));
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
    this.isRepeat = false;
    if (cells.length <= this.widest) return this.fail('row', 'tooFewColumns', cells.join(' | ').slice(0, 80));
    if (cells.length > MAX_COLUMNS) return this.fail('row', 'tooManyColumns', cells.slice(0, 8).join(' | ').slice(0, 80));
    // A value longer than any ERP field is not stored (a 5 MB "customer name" was); unused columns are not read.
    for (const [field, column] of this.mapped) if (cells[column]!.length > MAX_FIELD_CHARS) return this.fail(field, 'fieldTooLong', cells[column]!.slice(0, 80));
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
    const record: OpenItemRecord = {
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
    // The same invoice twice: a verbatim repeat (exports of several pages often overlap) changes nothing;
    // the same key with other content is a conflict only the ERP can settle, so it is refused.
    const print = fingerprint(record);
    const first = this.seen.firstOrAdd(customerCode, invoiceNumber, row, print);
    if (first !== undefined) {
      if (first.fingerprint === print) {
        this.isRepeat = true;
        return undefined;
      }
      return this.fail('invoiceNumber', 'duplicateInFile', invoiceNumber, first.row);
    }
    return record;
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** What reading rows found besides its records, added up over the rows read (see NormalisedRows). */
export interface OpenItemTally {
  readonly rejections: ImportRejection[];
  settledRows: number;
  filledRows: number;
  repeatedRows: number;
}

export const emptyTally = (): OpenItemTally => ({ rejections: [], settledRows: 0, filledRows: 0, repeatedRows: 0 });

/** Reads the rows of an open-items export with one reader (its date cache lives as long as it does). */
export class OpenItemRowReader {
  private readonly reader: RowReader;

  constructor(mapping: ColumnMapping, dialect: OpenItemDialect, seen: SeenInvoices) {
    this.reader = new RowReader(mapping, dialect, seen);
  }

  /**
   * Reads `rows` (`firstRow` is the line number of `rows[0]` in the file), handing each record to
   * `onRecord` as it is read and adding the rest to `tally`. Written as one loop over a reusable reader
   * because it runs a million times for a large export: no closures or exceptions per row.
   */
  read(rows: readonly (readonly string[])[], firstRow: number, tally: OpenItemTally, onRecord: (record: OpenItemRecord) => void): void {
    const reader = this.reader;
    for (let index = 0; index < rows.length; index += 1) {
      const cells = rows[index]!;
      if (isBlank(cells)) continue;
      tally.filledRows += 1;
      const row = firstRow + index;
      const record = reader.read(cells, row);
      if (record) {
        if (record.openMinor === 0) tally.settledRows += 1;
        onRecord(record);
      } else if (reader.isRepeat) {
        tally.repeatedRows += 1;
      } else if (reader.problem) {
        tally.rejections.push({ row, ...reader.problem, value: reader.problem.value.slice(0, 80) });
      }
    }
  }
}

/**
 * Turns rows of an open-items export into checked records. A row with a problem is refused whole, with
 * the first problem found (row, field, value as written, reason); good rows go on. `firstRow` is the line
 * number of `rows[0]` in the file.
 */
export function normaliseOpenItemRows(rows: readonly (readonly string[])[], firstRow: number, mapping: ColumnMapping, dialect: OpenItemDialect, seen: SeenInvoices): NormalisedRows {
  const records: OpenItemRecord[] = [];
  const tally = emptyTally();
  new OpenItemRowReader(mapping, dialect, seen).read(rows, firstRow, tally, (record) => records.push(record));
  return { records, ...tally };
}
