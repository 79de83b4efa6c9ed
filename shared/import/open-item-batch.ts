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
  readonly customer: readonly number[];
  /** Text columns are one string each, joined by SEPARATOR: JSON.parse then makes one string, not 20,000. */
  readonly invoiceNumber: string;
  readonly invoiceDay: readonly number[];
  /** −1: no due date in the file. */
  readonly dueDay: readonly number[];
  readonly currency: readonly number[];
  readonly open: readonly number[];
  readonly amount: readonly (number | null)[];
  readonly reference: string;
}

/** A control character no invoice number or reference has; one in a hostile file is dropped (withoutSeparator). */
const SEPARATOR = '\u0001';

const withoutSeparator = (text: string) => (text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, '') : text);

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
    const [customerCode, customerName, vatNumber, companyNumber] = batch.customers[batch.customer[index]!]!;
    const dueDay = batch.dueDay[index]!;
    records[index] = {
      customerCode,
      customerName,
      vatNumber,
      companyNumber,
      invoiceNumber: invoiceNumbers[index]!,
      invoiceDate: dateOf(batch.invoiceDay[index]!),
      dueDate: dueDay < 0 ? undefined : dateOf(dueDay),
      currency: batch.currencies[batch.currency[index]!]!,
      openMinor: batch.open[index]!,
      amountMinor: batch.amount[index] ?? undefined,
      paymentReference: references[index]!,
    };
  }
  return records;
}
