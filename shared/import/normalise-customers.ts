import { CONTACT_TITLES, type Contact, type ContactTitle, type PostalAddress } from '../domain/debtors/debtor';
import type { CustomerField } from './customer-fields';
import type { ColumnMapping } from './open-item-fields';
import type { ImportRejection } from './open-item-record';
import { MAX_FIELD_CHARS } from './table-limits';

/** One customer (or one more contact of it) as a customer export states it, checked and normalised. */
export interface CustomerRecord {
  readonly row: number;
  readonly customerCode: string;
  readonly customerName: string;
  readonly vatNumber: string;
  readonly companyNumber: string;
  readonly address?: PostalAddress;
  readonly invoiceAddress?: PostalAddress;
  readonly contact?: Contact;
}

/** Country names ERP exports write instead of ISO codes, in the three languages (lower case). */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  nederland: 'NL', netherlands: 'NL', 'the netherlands': 'NL', holland: 'NL', nederländerna: 'NL',
  sverige: 'SE', sweden: 'SE', zweden: 'SE',
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', 'verenigd koninkrijk': 'GB', storbritannien: 'GB', england: 'GB',
  belgië: 'BE', belgie: 'BE', belgium: 'BE', belgien: 'BE', duitsland: 'DE', germany: 'DE', tyskland: 'DE', deutschland: 'DE',
  danmark: 'DK', denemarken: 'DK', denmark: 'DK', norge: 'NO', noorwegen: 'NO', norway: 'NO', finland: 'FI', suomi: 'FI', frankrijk: 'FR', france: 'FR', frankrike: 'FR',
};

/** Salutations as ERPs write them ("Dhr.", "Mevr.", "Mr", "Herr", "Fru"), read as Kredo's titles. */
const TITLES: Readonly<Record<string, ContactTitle>> = {
  mr: 'mr', 'mr.': 'mr', dhr: 'mr', 'dhr.': 'mr', heer: 'mr', 'de heer': 'mr', herr: 'mr', hr: 'mr',
  ms: 'ms', 'ms.': 'ms', mrs: 'ms', 'mrs.': 'ms', miss: 'ms', mevr: 'ms', 'mevr.': 'ms', mevrouw: 'ms', fru: 'ms', fr: 'ms',
};

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

export function countryCodeOf(text: string): string | undefined {
  const value = text.trim();
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  return COUNTRY_NAMES[value.toLocaleLowerCase()];
}

/**
 * Reads the rows of a customer export into records: the customer code is required; an address needs its
 * street and town (a country left out is read as the home country `defaultCountry`); a contact needs a name
 * or an e-mail, and an e-mail must be one. A row with a problem is refused with its field and value (the
 * rest of the file is read), like an open-items row.
 */
export function normaliseCustomerRows(rows: readonly (readonly string[])[], firstRow: number, mapping: ColumnMapping, defaultCountry: string): { readonly records: CustomerRecord[]; readonly rejections: ImportRejection[]; readonly filledRows: number } {
  const records: CustomerRecord[] = [];
  const rejections: ImportRejection[] = [];
  let filledRows = 0;
  rows.forEach((cells, offset) => {
    const row = firstRow + offset;
    if (cells.every((cell) => cell.trim() === '')) return;
    filledRows += 1;
    const cell = (field: CustomerField) => {
      const column = mapping[field];
      return column === undefined ? '' : (cells[column] ?? '').trim();
    };
    const refuse = (field: CustomerField, code: ImportRejection['code'], value: string) => rejections.push({ row, field, code, value: value.slice(0, 100) });
    const tooLong = (['customerCode', 'customerName', 'street', 'city', 'email', 'contactName'] as const).find((field) => cell(field).length > MAX_FIELD_CHARS);
    if (tooLong) return refuse(tooLong, 'fieldTooLong', cell(tooLong));
    const customerCode = cell('customerCode');
    if (customerCode === '') return refuse('customerCode', 'missingValue', '');
    const address = (street: CustomerField, postalCode: CustomerField, city: CustomerField, country: CustomerField): PostalAddress | undefined | 'refused' => {
      if (cell(street) === '' && cell(city) === '') return undefined;
      const code = cell(country) === '' ? defaultCountry : countryCodeOf(cell(country));
      if (!code) {
        refuse(country, 'countryUnknown', cell(country));
        return 'refused';
      }
      return { street: cell(street), postalCode: cell(postalCode), city: cell(city), country: code };
    };
    const postal = address('street', 'postalCode', 'city', 'country');
    const invoice = address('invoiceStreet', 'invoicePostalCode', 'invoiceCity', 'invoiceCountry');
    if (postal === 'refused' || invoice === 'refused') return;
    const email = cell('email');
    if (email !== '' && !EMAIL.test(email)) return refuse('email', 'emailInvalid', email);
    const givenName = cell('contactFirstName');
    const surname = cell('contactSurname');
    const name = cell('contactName') || [givenName, surname].filter(Boolean).join(' ');
    const title = TITLES[cell('contactTitle').toLocaleLowerCase()];
    const contact: Contact | undefined =
      name !== '' || email !== ''
        ? {
            name, role: cell('contactRole'), email, phone: cell('phone'), isPrimary: false,
            ...(title && CONTACT_TITLES.includes(title) && { title }),
            ...(givenName && { givenName }),
            ...(surname && { surname }),
          }
        : undefined;
    records.push({
      row, customerCode, customerName: cell('customerName'), vatNumber: cell('vatNumber'), companyNumber: cell('companyNumber'),
      ...(postal && { address: postal }), ...(invoice && { invoiceAddress: invoice }), ...(contact && { contact }),
    });
  });
  return { records, rejections, filledRows };
}
