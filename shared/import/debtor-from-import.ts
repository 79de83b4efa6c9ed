import { defaultJurisdiction, NO_ALIASES, type Contact, type Debtor, type PostalAddress } from '../domain/debtors/debtor';
import type { SourceParty } from '../domain/debtors/debtor-directory';
import { countryOfVatNumber, readCompanyIds } from '../domain/identifiers/company-keys';
import type { CompanyIdentifier } from '../domain/identifiers/identifier-type';
import { defaultLanguage } from '../domain/debtors/debtor-settings';
import { daysBetween, type IsoDate } from '../time/iso-date';
import type { EInvoiceBuyer } from './e-invoice';
import { factsOfRecords, type CustomerFacts } from './open-item-lines';
import type { ImportedOpenItem } from './open-item-record';

/** ISO 3166 user-assigned code for "unknown": Intl.DisplayNames shows it as "Unknown Region" in each language. */
export const UNKNOWN_COUNTRY = 'ZZ';

/** The payment term assumed when an export has no due dates (and for the invoices' due dates then). */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** Countries whose only currency tells where a customer is, when nothing else does. */
const COUNTRY_OF_CURRENCY: Readonly<Record<string, string>> = { SEK: 'SE', GBP: 'GB', NOK: 'NO', DKK: 'DK', CHF: 'CH', PLN: 'PL' };

/** Where a customer is, from what the import says: the e-invoice's buyer address, the VAT number's prefix or a single-country currency. */
function countryOfFacts(facts: CustomerFacts, buyer: EInvoiceBuyer | undefined): string | undefined {
  return buyer?.country || countryOfVatNumber(facts.vatNumbers[0] ?? '') || COUNTRY_OF_CURRENCY[facts.firstCurrency];
}

/**
 * Who the records of one customer code (and an e-invoice's buyer) say the customer is: the code and every
 * VAT number, register number and party id they carry that passes its check (shared/domain/identifiers/
 * company-keys.ts). A bare register number is read in `countryHint` (the country of the debtor the code
 * already belongs to) or else the country the records tell.
 */
export function importedParty(customerCode: string, records: readonly ImportedOpenItem[], buyer?: EInvoiceBuyer, countryHint?: string): SourceParty {
  return importedPartyOf(customerCode, factsOfRecords(records), buyer, countryHint);
}

/** importedParty from the facts of a customer's lines (open-item-lines.ts), without records. */
export function importedPartyOf(customerCode: string, facts: CustomerFacts, buyer?: EInvoiceBuyer, countryHint?: string): SourceParty {
  const country = countryHint && countryHint !== UNKNOWN_COUNTRY ? countryHint : countryOfFacts(facts, buyer);
  const ids = readCompanyIds({ vatNumbers: facts.vatNumbers, companyNumbers: facts.companyNumbers, partyIds: buyer?.partyIds ?? [], country });
  return { customerCode, ...ids };
}

/** One identifier per type (the first a source gave): insurers look a buyer up by one of each. */
function onePerType(identifiers: readonly CompanyIdentifier[]): CompanyIdentifier[] {
  const seen = new Set<string>();
  return identifiers.filter((identifier) => !seen.has(identifier.type) && seen.add(identifier.type));
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
 * tells, it is "unknown" for the controller to fill in rather than a guess. `facts`: those of `records`
 * (factsOfRecords), passed when the lines already know them (open-item-lines.ts).
 */
export function debtorFromImport(id: string, records: readonly ImportedOpenItem[], createdOn: IsoDate, buyer?: EInvoiceBuyer, facts: CustomerFacts = factsOfRecords(records)): Debtor {
  const first = records[0];
  if (!first) throw new RangeError('A debtor needs at least one record');
  const country = countryOfFacts(facts, buyer) ?? UNKNOWN_COUNTRY;
  // An identifier that fails its check digit is left out rather than stored wrong: insurers look buyers up by it.
  const party = importedPartyOf(first.customerCode, facts, buyer);
  return {
    id,
    customerCode: first.customerCode,
    name: buyer?.name || facts.customerName || first.customerCode,
    country,
    currency: first.currency,
    paymentTermsDays: usualTermsDays(records),
    language: defaultLanguage(country),
    jurisdiction: defaultJurisdiction(country),
    identifiers: onePerType(party.identifiers),
    ...masterDataOfBuyer(buyer, country),
    segment: '',
    createdOn,
    ...(party.partyKeys.length > 0 && { aliases: { ...NO_ALIASES, partyKeys: party.partyKeys } }),
  };
}

/**
 * What an e-invoice says about the buyer's contact and address (BG-8 postal address, BG-9 contact): the
 * debtor's postal address and a contact receiving reminders, as far as the sender filled them in.
 */
export function masterDataOfBuyer(buyer: EInvoiceBuyer | undefined, country: string): { readonly contacts: Contact[]; readonly address?: PostalAddress } {
  if (!buyer) return { contacts: [] };
  const name = buyer.contactName?.trim() ?? '';
  const contacts: Contact[] = buyer.email || name ? [{ name, role: '', email: buyer.email, phone: buyer.phone?.trim() ?? '', isPrimary: true }] : [];
  return { contacts, ...(buyer.street && { address: { street: buyer.street, postalCode: buyer.postalCode, city: buyer.city, country: buyer.country || country } }) };
}

/** Kredo's id for a debtor first seen in an import: stable, so importing the same customer twice agrees. */
export function importedDebtorId(customerCode: string): string {
  return `erp-${customerCode}`;
}
