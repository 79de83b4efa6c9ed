import { fromDayNumber, toDayNumber, type IsoDate } from '../time/iso-date';
import type { ImportedOpenItem } from './open-item-record';

/**
 * A batch of open items as it travels from the import worker to the data worker: in columns, with each
 * customer's details and each currency written once. A million-row export is then about 60 MB of JSON
 * instead of 280 MB as one object per row, which matters most in the Chromium host, where every byte
 * crosses the DevTools protocol.
 */
export interface OpenItemBatch {
  readonly format: 'kredo-open-items/1';
  /** [customer code, name, VAT number, registration number], once per customer in the batch. */
  readonly customers: readonly (readonly [string, string, string, string])[];
  readonly currencies: readonly string[];
  readonly customer: ArrayLike<number>;
  /** Text columns are one string each, joined by SEPARATOR: JSON.parse then makes one string, not 20,000. */
  readonly invoiceNumber: string;
  readonly invoiceDay: ArrayLike<number>;
  /** −1: no due date in the file. */
  readonly dueDay: ArrayLike<number>;
  readonly currency: ArrayLike<number>;
  readonly open: ArrayLike<number>;
  /** null (NaN once packed): no original amount in the file. */
  readonly amount: ArrayLike<number | null>;
  readonly reference: string;
}

/** A control character no invoice number or reference has; one in a hostile file is dropped (withoutSeparator). */
export const SEPARATOR = '\u0001';

export const withoutSeparator = (text: string) => (text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, '') : text);

/** A batch of records at once, as plain arrays (JSON-safe); the import worker builds its batches with OpenItemBatchBuilder, to the same bytes once packed. */
export function encodeOpenItemBatch(records: readonly ImportedOpenItem[]): OpenItemBatch {
  const customers: [string, string, string, string][] = [];
  const customerIndex = new Map<string, number>();
  const currencies: string[] = [];
  // Few distinct dates in a file: each is turned into a day number once.
  const dayNumbers = new Map<string, number>();
  const dayOf = (date: IsoDate) => {
    let day = dayNumbers.get(date);
    if (day === undefined) dayNumbers.set(date, (day = toDayNumber(date)));
    return day;
  };
  const batch = { customer: [] as number[], invoiceNumber: [] as string[], invoiceDay: [] as number[], dueDay: [] as number[], currency: [] as number[], open: [] as number[], amount: [] as (number | null)[], reference: [] as string[] };
  for (const record of records) {
    let customer = customerIndex.get(record.customerCode);
    if (customer === undefined) {
      customer = customers.push([record.customerCode, record.customerName, record.vatNumber, record.companyNumber]) - 1;
      customerIndex.set(record.customerCode, customer);
    }
    let currency = currencies.indexOf(record.currency);
    if (currency < 0) currency = currencies.push(record.currency) - 1;
    batch.customer.push(customer);
    batch.invoiceNumber.push(withoutSeparator(record.invoiceNumber));
    batch.invoiceDay.push(dayOf(record.invoiceDate));
    batch.dueDay.push(record.dueDate ? dayOf(record.dueDate) : -1);
    batch.currency.push(currency);
    batch.open.push(record.openMinor);
    batch.amount.push(record.amountMinor ?? null);
    batch.reference.push(withoutSeparator(record.paymentReference));
  }
  return { format: 'kredo-open-items/1', customers, currencies, ...batch, invoiceNumber: batch.invoiceNumber.join(SEPARATOR), reference: batch.reference.join(SEPARATOR) };
}

export function decodeOpenItemBatch(batch: OpenItemBatch): ImportedOpenItem[] {
  if (batch.format !== 'kredo-open-items/1') throw new RangeError(`Unknown open-items batch format ${String(batch.format)}`);
  const records = new Array<ImportedOpenItem>(batch.customer.length);
  const invoiceNumbers = batch.invoiceNumber.split(SEPARATOR);
  const references = batch.reference.split(SEPARATOR);
  // Few distinct days in a file: each is turned into a date once.
  const days = new Map<number, ReturnType<typeof fromDayNumber>>();
  const dateOf = (day: number) => {
    let date = days.get(day);
    if (date === undefined) days.set(day, (date = fromDayNumber(day)));
    return date;
  };
  for (let index = 0; index < records.length; index += 1) {
    // A batch is read only by index into its own lists: one that points outside them is refused.
    const customer = batch.customers[batch.customer[index]!];
    const currency = batch.currencies[batch.currency[index]!];
    if (!customer || currency === undefined) throw new RangeError('An open-items batch refers to a customer or currency it does not list');
    const [customerCode, customerName, vatNumber, companyNumber] = customer;
    const dueDay = batch.dueDay[index]!;
    const amount = batch.amount[index];
    records[index] = {
      customerCode,
      customerName,
      vatNumber,
      companyNumber,
      invoiceNumber: invoiceNumbers[index]!,
      invoiceDate: dateOf(batch.invoiceDay[index]!),
      dueDate: dueDay < 0 ? undefined : dateOf(dueDay),
      currency,
      openMinor: batch.open[index]!,
      amountMinor: amount === null || amount === undefined || Number.isNaN(amount) ? undefined : amount,
      paymentReference: references[index]!,
    };
  }
  return records;
}

/**
 * A batch packed as bytes for the trip from the import worker to the data worker (format 3): the number
 * columns as typed arrays, customers and currencies as a JSON header, the joined text columns as UTF-8
 * as they are. The worker hands the bytes over without copying them, and the data worker reads the
 * numbers in place; JSON of a million numbers cost seconds on each side, and JSON of the text columns
 * wrote each separator as six characters (format 2). Layout, little-endian: magic "KOI3", count (u32),
 * the byte lengths of the header, the invoice numbers and the references (u32 each), those three (UTF-8),
 * padding to 8 bytes, then open and amount (f64; NaN: none), customer, invoice day and due day (i32),
 * currency (u8).
 */
const MAGIC = [0x4b, 0x4f, 0x49, 0x33];
const PREFIX_BYTES = 20;
/** open, amount, customer, invoice day, due day, currency. */
const ROW_BYTES = 8 + 8 + 4 + 4 + 4 + 1;
/** Set in a text column's length: the column is written as JSON (it holds a surrogate, which UTF-8 may not keep). */
const AS_JSON = 0x8000_0000;
// Without the u flag: any UTF-16 surrogate code unit, paired or not.
const SURROGATE = /[\ud800-\udfff]/;

/**
 * A text column as UTF-8, as it is; one holding a surrogate goes as JSON instead, which keeps even a lone
 * one (UTF-8 would make it U+FFFD) — decoded files hold none, but a workbook's XML could.
 */
function textColumn(text: string, encodeUtf8: (text: string) => Uint8Array): { bytes: Uint8Array; flag: number } {
  return SURROGATE.test(text) ? { bytes: encodeUtf8(JSON.stringify(text)), flag: AS_JSON } : { bytes: encodeUtf8(text), flag: 0 };
}

/** Whether these bytes are a packed batch (and not the JSON of one). */
export function isPackedOpenItemBatch(bytes: Uint8Array): boolean {
  return bytes.length >= PREFIX_BYTES && MAGIC.every((byte, index) => bytes[index] === byte);
}

export function packOpenItemBatch(batch: OpenItemBatch, encodeUtf8: (text: string) => Uint8Array): Uint8Array {
  const count = batch.customer.length;
  const texts = [{ bytes: encodeUtf8(JSON.stringify({ customers: batch.customers, currencies: batch.currencies })), flag: 0 }, textColumn(batch.invoiceNumber, encodeUtf8), textColumn(batch.reference, encodeUtf8)];
  const textBytes = texts.reduce((sum, text) => sum + text.bytes.length, 0);
  const numbersAt = Math.ceil((PREFIX_BYTES + textBytes) / 8) * 8;
  const bytes = new Uint8Array(numbersAt + count * ROW_BYTES);
  bytes.set(MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, count, true);
  let at = PREFIX_BYTES;
  texts.forEach(({ bytes: text, flag }, index) => {
    view.setUint32(8 + 4 * index, (text.length | flag) >>> 0, true);
    bytes.set(text, at);
    at += text.length;
  });
  const columns = columnsIn(bytes, numbersAt, count);
  // A batch built as typed columns (OpenItemBatchBuilder) is copied column by column.
  if (batch.open instanceof Float64Array && batch.amount instanceof Float64Array && batch.customer instanceof Int32Array && batch.invoiceDay instanceof Int32Array && batch.dueDay instanceof Int32Array && batch.currency instanceof Uint8Array) {
    columns.open.set(batch.open);
    columns.amount.set(batch.amount);
    columns.customer.set(batch.customer);
    columns.invoiceDay.set(batch.invoiceDay);
    columns.dueDay.set(batch.dueDay);
    columns.currency.set(batch.currency);
    return bytes;
  }
  for (let index = 0; index < count; index += 1) {
    columns.open[index] = batch.open[index]!;
    columns.amount[index] = batch.amount[index] ?? Number.NaN;
    columns.customer[index] = batch.customer[index]!;
    columns.invoiceDay[index] = batch.invoiceDay[index]!;
    columns.dueDay[index] = batch.dueDay[index]!;
    columns.currency[index] = batch.currency[index]!;
  }
  return bytes;
}

/** The typed-array columns of a packed batch, viewing its bytes (nothing copied). */
function columnsIn(bytes: Uint8Array, at: number, count: number) {
  const { buffer, byteOffset } = bytes;
  let offset = byteOffset + at;
  const take = <T>(make: (offset: number) => T, width: number): T => {
    const column = make(offset);
    offset += count * width;
    return column;
  };
  return {
    open: take((start) => new Float64Array(buffer, start, count), 8),
    amount: take((start) => new Float64Array(buffer, start, count), 8),
    customer: take((start) => new Int32Array(buffer, start, count), 4),
    invoiceDay: take((start) => new Int32Array(buffer, start, count), 4),
    dueDay: take((start) => new Int32Array(buffer, start, count), 4),
    currency: take((start) => new Uint8Array(buffer, start, count), 1),
  };
}

/**
 * Reads a packed batch back into columns; the bytes come from another thread, so their lengths are
 * checked before anything is read (a short or foreign buffer is refused, never read past its end).
 */
export function unpackOpenItemBatch(bytes: Uint8Array, decodeUtf8: (bytes: Uint8Array) => string): OpenItemBatch {
  if (!isPackedOpenItemBatch(bytes)) throw new RangeError('Not a packed open-items batch');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const fields = [view.getUint32(8, true), view.getUint32(12, true), view.getUint32(16, true)];
  const lengths = fields.map((field) => (field & ~AS_JSON) >>> 0);
  const numbersAt = Math.ceil((PREFIX_BYTES + lengths[0]! + lengths[1]! + lengths[2]!) / 8) * 8;
  if (numbersAt + count * ROW_BYTES !== bytes.length) throw new RangeError('A packed open-items batch of the wrong length');
  // Typed arrays need aligned offsets: a view that starts unaligned is copied to a buffer of its own.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  let at = PREFIX_BYTES;
  const [header, invoiceNumber, reference] = lengths.map((length, index) => {
    const text = decodeUtf8(aligned.subarray(at, (at += length)));
    return index > 0 && fields[index]! & AS_JSON ? (JSON.parse(text) as string) : text;
  });
  const { customers, currencies } = JSON.parse(header!) as Pick<OpenItemBatch, 'customers' | 'currencies'>;
  return { format: 'kredo-open-items/1', customers, currencies, invoiceNumber: invoiceNumber!, reference: reference!, ...columnsIn(aligned, numbersAt, count) };
}
