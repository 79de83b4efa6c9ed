import { defaultJurisdiction, type Debtor } from '../domain/debtors/debtor';
import type { CompanyIdentifier, IdentifierType } from '../domain/identifiers/identifier-type';
import { validateIdentifier } from '../domain/identifiers/validate-identifier';
import { defaultLanguage } from '../domain/debtors/debtor-settings';
import { daysBetween, type IsoDate } from '../time/iso-date';
import type { EInvoiceBuyer } from './e-invoice';
import type { ImportedOpenItem } from './open-item-record';

/** ISO 3166 user-assigned code for "unknown": Intl.DisplayNames shows it as "Unknown Region" in each language. */
export const UNKNOWN_COUNTRY = 'ZZ';

/** The payment term assumed when an export has no due dates (and for the invoices' due dates then). */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** Countries whose only currency tells where a customer is, when nothing else does. */
const COUNTRY_OF_CURRENCY: Readonly<Record<string, string>> = { SEK: 'SE', GBP: 'GB', NOK: 'NO', DKK: 'DK', CHF: 'CH', PLN: 'PL' };

/** VAT numbers start with the country code, except Greece's (EL). */
function countryOfVatNumber(vatNumber: string): string | undefined {
  const prefix = vatNumber.replace(/[\s.-]/g, '').slice(0, 2).toUpperCase();
  if (!/^[A-Z]{2}$/.test(prefix)) return undefined;
  return prefix === 'EL' ? 'GR' : prefix;
}

const VAT_TYPE: Readonly<Record<string, IdentifierType>> = { NL: 'NL_VAT', SE: 'SE_VAT', GB: 'GB_VAT' };
const REGISTRATION_TYPE: Readonly<Record<string, IdentifierType>> = { NL: 'NL_KVK', SE: 'SE_ORGNR', GB: 'GB_CRN' };

function identifiers(country: string, vatNumber: string, companyNumber: string): CompanyIdentifier[] {
  const found: CompanyIdentifier[] = [];
  for (const [type, value] of [[VAT_TYPE[country], vatNumber], [REGISTRATION_TYPE[country], companyNumber]] as const) {
    if (!type || !value) continue;
    // An identifier that fails its check digit is left out rather than stored wrong: insurers look buyers up by it.
    const result = validateIdentifier(type, value);
    if (result.isValid) found.push({ type, value: result.value });
  }
  return found;
}

/** The most common payment term among the records that state a due date. */
function usualTermsDays(records: readonly ImportedOpenItem[]): number {
  const counts = new Map<number, number>();
  for (const record of records) {
    if (!record.dueDate) continue;
    const days = daysBetween(record.invoiceDate, record.dueDate);
    counts.set(days, (counts.get(days) ?? 0) + 1);
  }
  let best = DEFAULT_PAYMENT_TERMS_DAYS;
  let bestCount = 0;
  for (const [days, count] of counts) if (count > bestCount || (count === bestCount && days < best)) [best, bestCount] = [days, count];
  return best;
}

/**
 * A new debtor from what an import says about a customer Kredo does not know yet. The country comes
 * from the e-invoice's buyer address, the VAT number's prefix or a single-country currency; when none
 * tells, it is "unknown" for the controller to fill in rather than a guess.
 */
export function debtorFromImport(id: string, records: readonly ImportedOpenItem[], createdOn: IsoDate, buyer?: EInvoiceBuyer): Debtor {
  const first = records[0];
  if (!first) throw new RangeError('A debtor needs at least one record');
  const vatNumber = records.find((record) => record.vatNumber)?.vatNumber ?? '';
  const companyNumber = records.find((record) => record.companyNumber)?.companyNumber ?? '';
  const country = (buyer?.country || countryOfVatNumber(vatNumber) || COUNTRY_OF_CURRENCY[first.currency]) ?? UNKNOWN_COUNTRY;
  return {
    id,
    customerCode: first.customerCode,
    name: buyer?.name || records.find((record) => record.customerName)?.customerName || first.customerCode,
    country,
    currency: first.currency,
    paymentTermsDays: usualTermsDays(records),
    language: defaultLanguage(country),
    jurisdiction: defaultJurisdiction(country),
    identifiers: identifiers(country, vatNumber, companyNumber),
    contacts: buyer?.email ? [{ name: '', role: '', email: buyer.email, phone: '', isPrimary: true }] : [],
    ...(buyer?.street && { address: { street: buyer.street, postalCode: buyer.postalCode, city: buyer.city, country } }),
    segment: '',
    createdOn,
  };
}

/** Kredo's id for a debtor first seen in an import: stable, so importing the same customer twice agrees. */
export function importedDebtorId(customerCode: string): string {
  return `erp-${customerCode}`;
}
