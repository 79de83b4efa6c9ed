import { fromDayNumber, type IsoDate } from '../time/iso-date';
import { SEPARATOR, type OpenItemBatch } from './open-item-batch';
import type { ImportedOpenItem } from './open-item-record';

/**
 * What matching a customer code to a debtor reads of its lines (importedParty, resolveDebtors): the first
 * customer name given, every VAT and company number in the order they first appear, the first line's
 * currency. The same as reading them from the records, without the records.
 */
export interface CustomerFacts {
  readonly customerName: string;
  readonly vatNumbers: readonly string[];
  readonly companyNumbers: readonly string[];
  readonly firstCurrency: string;
}

/**
 * The lines of one customer code in an open-items file, in file order. A tier-L file has a million lines,
 * and the daily export again changes nothing for nearly every customer: such lines are compared where
 * they are (in the batches' typed columns, unchanged-open-items.ts) and made into records only for the
 * customers whose ledgers an import changes (`records`), instead of a million objects up front (issue 14).
 */
export interface CustomerLines {
  readonly customerCode: string;
  readonly count: number;
  readonly facts: CustomerFacts;
  /** Calls `visit` with each line's invoice number, open amount and currency, in file order, while it returns true; false if it stopped early. */
  every(visit: (invoiceNumber: string, openMinor: number, currency: string) => boolean): boolean;
  /**
   * As `every`, but only the lines added since `cursor` last read (while the file is still arriving), and
   * moves the cursor past them: lines are compared as their batches come in, overlapped with the parse.
   */
  everySince(cursor: LineCursor, visit: (invoiceNumber: string, openMinor: number, currency: string) => boolean): boolean;
  /**
   * The lines as records, made afresh on each call: a tier-L first import makes a million, and records kept
   * from matching to comparing lived long enough to be copied into the old generation (issue 14).
   */
  records(): readonly ImportedOpenItem[];
}

/** Where a reader of `CustomerLines.everySince` is: the runs of lines it has read whole. Starts at `{ run: 0 }`. */
export interface LineCursor {
  run: number;
}

/** The facts of a list of records, read as importedParty and resolveDebtors read them. */
export function factsOfRecords(records: readonly ImportedOpenItem[]): CustomerFacts {
  const distinct = (values: readonly string[]) => [...new Set(values.filter(Boolean))];
  return {
    customerName: records.find((record) => record.customerName)?.customerName ?? '',
    vatNumbers: distinct(records.map((record) => record.vatNumber)),
    companyNumbers: distinct(records.map((record) => record.companyNumber)),
    firstCurrency: records[0]?.currency ?? '',
  };
}

/** Lines that are records already (an e-invoice, or the codes of one debtor put together). */
export function linesOfRecords(customerCode: string, records: readonly ImportedOpenItem[]): CustomerLines {
  return {
    customerCode,
    count: records.length,
    facts: factsOfRecords(records),
    every(visit) {
      for (const record of records) if (!visit(record.invoiceNumber, record.openMinor, record.currency)) return false;
      return true;
    },
    everySince(cursor, visit) {
      // All the lines are there at once: one run.
      if (cursor.run > 0) return true;
      cursor.run = 1;
      return this.every(visit);
    },
    records: () => records,
  };
}

/** Groups records by customer code (in order of first appearance), keeping file order within each. */
export function groupRecordsByCustomer(records: Iterable<ImportedOpenItem>): Map<string, CustomerLines> {
  const groups = new Map<string, ImportedOpenItem[]>();
  for (const record of records) {
    const group = groups.get(record.customerCode);
    if (group) group.push(record);
    else groups.set(record.customerCode, [record]);
  }
  return new Map([...groups].map(([code, group]) => [code, linesOfRecords(code, group)]));
}

/** A batch with its invoice numbers split, as its lines are read; its references only once a record is made. */
interface OpenBatch {
  readonly batch: OpenItemBatch;
  readonly invoiceNumbers: readonly string[];
  references: readonly string[] | undefined;
}

/** Rows `start` to `end` of one batch, all of one customer entry of that batch. */
interface Run {
  readonly open: OpenBatch;
  readonly customer: number;
  readonly start: number;
  readonly end: number;
}

class BatchLines implements CustomerLines {
  readonly runs: Run[] = [];
  count = 0;
  private customerName = '';
  private readonly vatNumbers: string[] = [];
  private readonly companyNumbers: string[] = [];
  private firstCurrency: string | undefined;

  constructor(
    readonly customerCode: string,
    private readonly dateOf: (day: number) => IsoDate,
  ) {}

  get facts(): CustomerFacts {
    return { customerName: this.customerName, vatNumbers: this.vatNumbers, companyNumbers: this.companyNumbers, firstCurrency: this.firstCurrency ?? '' };
  }

  add(open: OpenBatch, customer: number, start: number, end: number): void {
    const { batch } = open;
    const last = this.runs.at(-1);
    // A new run of the same batch and entry only when the file interleaves customers.
    if (last?.open !== open || last.customer !== customer) {
      const [, name, vatNumber, companyNumber] = batch.customers[customer]!;
      if (!this.customerName && name) this.customerName = name;
      if (vatNumber && !this.vatNumbers.includes(vatNumber)) this.vatNumbers.push(vatNumber);
      if (companyNumber && !this.companyNumbers.includes(companyNumber)) this.companyNumbers.push(companyNumber);
    }
    this.firstCurrency ??= batch.currencies[batch.currency[start]!];
    this.runs.push({ open, customer, start, end });
    this.count += end - start;
  }

  every(visit: (invoiceNumber: string, openMinor: number, currency: string) => boolean): boolean {
    return this.everySince({ run: 0 }, visit);
  }

  everySince(cursor: LineCursor, visit: (invoiceNumber: string, openMinor: number, currency: string) => boolean): boolean {
    const { runs } = this;
    for (; cursor.run < runs.length; cursor.run += 1) {
      const { open, start, end } = runs[cursor.run]!;
      const { invoiceNumbers, batch } = open;
      const { currencies, currency } = batch;
      const amounts = batch.open;
      for (let row = start; row < end; row += 1) if (!visit(invoiceNumbers[row]!, amounts[row]!, currencies[currency[row]!]!)) return false;
    }
    return true;
  }

  /** As decodeOpenItemBatch (open-item-batch.ts) makes each record. */
  records(): readonly ImportedOpenItem[] {
    const made = new Array<ImportedOpenItem>(this.count);
    let index = 0;
    for (const { open, customer, start, end } of this.runs) {
      const { batch, invoiceNumbers } = open;
      const references = (open.references ??= batch.reference.split(SEPARATOR));
      const [customerCode, customerName, vatNumber, companyNumber] = batch.customers[customer]!;
      for (let row = start; row < end; row += 1) {
        const dueDay = batch.dueDay[row]!;
        const amount = batch.amount[row];
        made[index] = {
          customerCode,
          customerName,
          vatNumber,
          companyNumber,
          invoiceNumber: invoiceNumbers[row]!,
          invoiceDate: this.dateOf(batch.invoiceDay[row]!),
          dueDate: dueDay < 0 ? undefined : this.dateOf(dueDay),
          currency: batch.currencies[batch.currency[row]!]!,
          openMinor: batch.open[row]!,
          amountMinor: amount === null || amount === undefined || Number.isNaN(amount) ? undefined : amount,
          paymentReference: references[row]!,
        };
        index += 1;
      }
    }
    return made;
  }
}

/**
 * The lines of an open-items file grouped by customer code as its batches arrive (while the main process
 * is still parsing the rest), read in place: the same groups, in the same order, as decoding every batch
 * into records (decodeOpenItemBatch) and grouping those, with nothing made per line.
 */
export class OpenItemLineGroups {
  readonly byCustomer = new Map<string, CustomerLines>();
  private readonly lines = new Map<string, BatchLines>();
  // Few distinct days in a file: each is turned into a date once.
  private readonly days = new Map<number, IsoDate>();
  private readonly dateOf = (day: number): IsoDate => {
    let date = this.days.get(day);
    if (date === undefined) this.days.set(day, (date = fromDayNumber(day)));
    return date;
  };

  /** Takes one batch's lines; returns the customer codes it holds. */
  add(batch: OpenItemBatch): string[] {
    if (batch.format !== 'kredo-open-items/1') throw new RangeError(`Unknown open-items batch format ${String(batch.format)}`);
    const count = batch.customer.length;
    // A batch is read only by index into its own lists: one that points outside them is refused, as decodeOpenItemBatch refuses it.
    for (let row = 0; row < count; row += 1) {
      if (batch.customers[batch.customer[row]!] === undefined || batch.currencies[batch.currency[row]!] === undefined) throw new RangeError('An open-items batch refers to a customer or currency it does not list');
    }
    const open: OpenBatch = { batch, invoiceNumbers: batch.invoiceNumber.split(SEPARATOR), references: undefined };
    const ofEntry = new Array<BatchLines | undefined>(batch.customers.length);
    const codes: string[] = [];
    for (let start = 0; start < count; ) {
      const customer = batch.customer[start]!;
      let end = start + 1;
      while (end < count && batch.customer[end] === customer) end += 1;
      let lines = ofEntry[customer];
      if (!lines) {
        const code = batch.customers[customer]![0];
        lines = this.lines.get(code);
        if (!lines) {
          lines = new BatchLines(code, this.dateOf);
          this.lines.set(code, lines);
          this.byCustomer.set(code, lines);
        }
        ofEntry[customer] = lines;
        codes.push(code);
      }
      lines.add(open, customer, start, end);
      start = end;
    }
    return codes;
  }
}
