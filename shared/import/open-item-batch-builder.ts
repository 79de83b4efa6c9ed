import { toDayNumber, type IsoDate } from '../time/iso-date';
import { SEPARATOR, withoutSeparator, type OpenItemBatch } from './open-item-batch';
import type { ImportedOpenItem } from './open-item-record';

/**
 * Builds a batch record by record, as the import worker reads the rows: the number columns go straight
 * into typed arrays and no record is kept, so a million-row parse leaves the garbage collector nothing
 * that lives longer than a row (a kept array of records per batch survived collections and was copied
 * again and again). `take` hands the batch over and starts the next one.
 */
export class OpenItemBatchBuilder {
  private customers: [string, string, string, string][] = [];
  private customerIndex = new Map<string, number>();
  private lastCustomerCode: string | undefined;
  private lastCustomer = -1;
  private currencies: string[] = [];
  // Few distinct dates in a file: each is turned into a day number once.
  private readonly dayNumbers = new Map<string, number>();
  private invoiceNumbers: string[] = [];
  private references: string[] = [];
  private customer: Int32Array;
  private invoiceDay: Int32Array;
  private dueDay: Int32Array;
  private currency: Uint8Array;
  private open: Float64Array;
  private amount: Float64Array;
  private size = 0;

  constructor(private capacity = 1_024) {
    [this.customer, this.invoiceDay, this.dueDay] = [new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity)];
    this.currency = new Uint8Array(capacity);
    [this.open, this.amount] = [new Float64Array(capacity), new Float64Array(capacity)];
  }

  get count(): number {
    return this.size;
  }

  private dayOf(date: IsoDate): number {
    let day = this.dayNumbers.get(date);
    if (day === undefined) this.dayNumbers.set(date, (day = toDayNumber(date)));
    return day;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const wider = <T extends Int32Array | Uint8Array | Float64Array>(column: T, make: (length: number) => T): T => {
      const copy = make(capacity);
      copy.set(column);
      return copy;
    };
    this.customer = wider(this.customer, (length) => new Int32Array(length));
    this.invoiceDay = wider(this.invoiceDay, (length) => new Int32Array(length));
    this.dueDay = wider(this.dueDay, (length) => new Int32Array(length));
    this.currency = wider(this.currency, (length) => new Uint8Array(length));
    this.open = wider(this.open, (length) => new Float64Array(length));
    this.amount = wider(this.amount, (length) => new Float64Array(length));
    this.capacity = capacity;
  }

  /** Adds a record; the day numbers of its dates may be given where the reader has them already (−1: no due date). */
  add(record: ImportedOpenItem, invoiceDay = this.dayOf(record.invoiceDate), dueDay = record.dueDate ? this.dayOf(record.dueDate) : -1): void {
    if (this.size === this.capacity) this.grow();
    // A customer's lines come one after another in an export: its entry is looked up once per run of them.
    let customer = record.customerCode === this.lastCustomerCode ? this.lastCustomer : this.customerIndex.get(record.customerCode);
    if (customer === undefined) {
      customer = this.customers.push([record.customerCode, record.customerName, record.vatNumber, record.companyNumber]) - 1;
      this.customerIndex.set(record.customerCode, customer);
    }
    [this.lastCustomerCode, this.lastCustomer] = [record.customerCode, customer];
    let currency = this.currencies.indexOf(record.currency);
    if (currency < 0) currency = this.currencies.push(record.currency) - 1;
    const at = this.size;
    this.customer[at] = customer;
    this.invoiceNumbers.push(withoutSeparator(record.invoiceNumber));
    this.invoiceDay[at] = invoiceDay;
    this.dueDay[at] = dueDay;
    this.currency[at] = currency;
    this.open[at] = record.openMinor;
    this.amount[at] = record.amountMinor ?? Number.NaN;
    this.references.push(withoutSeparator(record.paymentReference));
    this.size += 1;
  }

  /** The batch built so far (its columns cut to its length); the builder starts an empty one. */
  take(): OpenItemBatch {
    const count = this.size;
    const batch: OpenItemBatch = {
      format: 'kredo-open-items/1',
      customers: this.customers,
      currencies: this.currencies,
      customer: this.customer.subarray(0, count),
      invoiceNumber: this.invoiceNumbers.join(SEPARATOR),
      invoiceDay: this.invoiceDay.subarray(0, count),
      dueDay: this.dueDay.subarray(0, count),
      currency: this.currency.subarray(0, count),
      open: this.open.subarray(0, count),
      amount: this.amount.subarray(0, count),
      reference: this.references.join(SEPARATOR),
    };
    this.customers = [];
    this.customerIndex = new Map();
    this.lastCustomerCode = undefined;
    this.currencies = [];
    this.invoiceNumbers = [];
    this.references = [];
    // The batch keeps its columns: the next one gets its own.
    this.capacity = Math.max(count, 1_024);
    [this.customer, this.invoiceDay, this.dueDay] = [new Int32Array(this.capacity), new Int32Array(this.capacity), new Int32Array(this.capacity)];
    this.currency = new Uint8Array(this.capacity);
    [this.open, this.amount] = [new Float64Array(this.capacity), new Float64Array(this.capacity)];
    this.size = 0;
    return batch;
  }
}
