import { cyrb53, Cyrb53Stream } from '../hash/cyrb53';
import { isCurrencyCode, minorUnitDigits } from '../money/money';
import { toDayNumber, type IsoDate } from '../time/iso-date';
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
  // A customer's lines come one after another in an export: its map is looked up once per run of them.
  private lastCustomer: string | undefined;
  private lastOfCustomer: Map<string, number> | undefined;
  private rows = new Int32Array(1024);
  private prints = new Float64Array(1024);
  private count = 0;

  /** The first sighting of this invoice, or undefined after recording this one as the first. */
  firstOrAdd(customerCode: string, invoiceNumber: string, row: number, fingerprint: number): { readonly row: number; readonly fingerprint: number } | undefined {
    let ofCustomer = customerCode === this.lastCustomer ? this.lastOfCustomer : this.byCustomer.get(customerCode);
    if (!ofCustomer) this.byCustomer.set(customerCode, (ofCustomer = new Map()));
    [this.lastCustomer, this.lastOfCustomer] = [customerCode, ofCustomer];
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

/**
 * cyrb53 of a text that mostly repeats the row before's (a customer's name, VAT and company number stand
 * on each of its lines, and its lines come one after another): hashed once per run of rows, not per row.
 */
class RepeatedTextHash {
  private last: string | undefined;
  private hash = 0;

  of(text: string): number {
    if (text !== this.last) [this.last, this.hash] = [text, cyrb53(text)];
    return this.hash;
  }
}

/**
 * A 53-bit hash of what a record says (cyrb53, shared/hash/cyrb53.ts): two rows of one invoice with the
 * same fingerprint say the same thing. Holding a number per invoice, not the row itself, keeps a
 * million-row file's bookkeeping small; a chance collision (about 1 in 2^53) would only let a conflicting
 * repeat pass as a verbatim one. Dates go in as day numbers (one per date), the customer's own texts as
 * their hashes (RepeatedTextHash): hashing every character of every row was a tenth of a tier-L parse.
 */
class Fingerprints {
  private readonly hasher = new Cyrb53Stream();
  private readonly name = new RepeatedTextHash();
  private readonly vatNumber = new RepeatedTextHash();
  private readonly companyNumber = new RepeatedTextHash();

  of(record: Omit<OpenItemRecord, 'row'>, invoiceDay: number, dueDay: number | undefined): number {
    return this.hasher
      .reset()
      .number(this.name.of(record.customerName))
      .number(invoiceDay)
      .number(dueDay)
      .text(record.currency)
      .number(record.openMinor)
      .number(record.amountMinor)
      .text(record.paymentReference)
      .number(this.vatNumber.of(record.vatNumber))
      .number(this.companyNumber.of(record.companyNumber))
      .text(record.description)
      .digest();
  }
}

/** A date as a row writes it, read: its ISO date and day number, or undefined if it is no date. */
interface ReadDate {
  readonly iso: IsoDate;
  readonly day: number;
}

type Columns = Readonly<Record<OpenItemField, number>>;

/** Reads one row: a record, or the first problem found (field, reason, value as written). */
class RowReader {
  private readonly columns: Columns;
  private readonly widest: number;
  private readonly mapped: readonly (readonly [OpenItemField, number])[];
  // A file holds few distinct dates (one per invoice day): each is parsed once per batch.
  private readonly dates = new Map<string, ReadDate | undefined>();
  private readonly fingerprints = new Fingerprints();
  // Most rows of an export are in one currency: it is checked once per run of rows that write it alike.
  private currencyText: string | undefined;
  private currency = '';
  private isCurrencyKnown = false;
  private currencyDigits = 0;
  problem: { field: OpenItemField | 'row'; code: RejectionCode; value: string; firstRow?: number } | undefined;
  /** The last row read repeated an earlier one verbatim (as Kredo reads it): neither a record nor a problem. */
  isRepeat = false;
  /** The day numbers of the last record's invoice and due dates (−1: none), for its batch's columns. */
  invoiceDay = 0;
  dueDay = -1;

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

  private date(value: string): ReadDate | undefined {
    let read = this.dates.get(value);
    if (read === undefined && !this.dates.has(value)) {
      const iso = parseDate(value, this.dialect.dateFormat);
      read = iso === undefined ? undefined : { iso, day: toDayNumber(iso) };
      this.dates.set(value, read);
    }
    return read;
  }

  /** Reads the currency cell (empty: the file's default currency), remembering the last one read. */
  private readCurrency(text: string): boolean {
    if (text !== this.currencyText) {
      this.currencyText = text;
      this.currency = text.toUpperCase() || this.dialect.defaultCurrency;
      this.isCurrencyKnown = isCurrencyCode(this.currency);
      this.currencyDigits = this.isCurrencyKnown ? minorUnitDigits(this.currency) : 0;
    }
    return this.isCurrencyKnown;
  }

  read(cells: readonly string[], row: number): OpenItemRecord | undefined {
    this.problem = undefined;
    this.isRepeat = false;
    if (cells.length <= this.widest) return this.fail('row', 'tooFewColumns', cells.join(' | ').slice(0, 80));
    if (cells.length > MAX_COLUMNS) return this.fail('row', 'tooManyColumns', cells.slice(0, 8).join(' | ').slice(0, 80));
    // A value longer than any ERP field is not stored (a 5 MB "customer name" was); unused columns are not read.
    for (const [field, column] of this.mapped) if (cells[column]!.length > MAX_FIELD_CHARS) return this.fail(field, 'fieldTooLong', cells[column]!.slice(0, 80));
    const currencyText = this.text(cells, 'currency');
    if (!this.readCurrency(currencyText)) return this.fail('currency', 'currencyUnknown', currencyText);
    const { currency } = this;
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
    if (dueDate && dueDate.day < invoiceDate.day) return this.fail('dueDate', 'dueBeforeInvoice', dueText);
    const digits = this.currencyDigits;
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
      invoiceDate: invoiceDate.iso,
      dueDate: dueDate?.iso,
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
    const print = this.fingerprints.of(record, invoiceDate.day, dueDate?.day);
    const first = this.seen.firstOrAdd(customerCode, invoiceNumber, row, print);
    if (first !== undefined) {
      if (first.fingerprint === print) {
        this.isRepeat = true;
        return undefined;
      }
      return this.fail('invoiceNumber', 'duplicateInFile', invoiceNumber, first.row);
    }
    [this.invoiceDay, this.dueDay] = [invoiceDate.day, dueDate?.day ?? -1];
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
   * `onRecord` as it is read (with the day numbers of its invoice and due dates, −1: none) and adding
   * the rest to `tally`. Written as one loop over a reusable reader because it runs a million times for
   * a large export: no closures or exceptions per row.
   */
  read(rows: readonly (readonly string[])[], firstRow: number, tally: OpenItemTally, onRecord: (record: OpenItemRecord, invoiceDay: number, dueDay: number) => void): void {
    const reader = this.reader;
    for (let index = 0; index < rows.length; index += 1) {
      const cells = rows[index]!;
      if (isBlank(cells)) continue;
      tally.filledRows += 1;
      const row = firstRow + index;
      const record = reader.read(cells, row);
      if (record) {
        if (record.openMinor === 0) tally.settledRows += 1;
        onRecord(record, reader.invoiceDay, reader.dueDay);
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
