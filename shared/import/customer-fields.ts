import { guessColumns } from './guess-mapping';
import type { ColumnMapping, TableField } from './open-item-fields';

/**
 * The fields of an ERP customer export (master data) that Kredo reads: who the customer is (code, name,
 * VAT and register number, to find the debtor), its postal and invoice address, and a contact. Only the
 * customer code is required. A customer with several contacts is several rows with the same code.
 */
export const CUSTOMER_FIELDS = [
  'customerCode',
  'customerName',
  'vatNumber',
  'companyNumber',
  'street',
  'postalCode',
  'city',
  'country',
  'invoiceStreet',
  'invoicePostalCode',
  'invoiceCity',
  'invoiceCountry',
  'contactTitle',
  'contactFirstName',
  'contactSurname',
  'contactName',
  'contactRole',
  'email',
  'phone',
] as const satisfies readonly TableField[];

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export const REQUIRED_CUSTOMER_FIELDS: readonly CustomerField[] = ['customerCode'];

/** What a table holds: open items (invoices and credit notes) or customers (contacts and addresses). */
export const TABLE_CONTENTS = ['open-items', 'customers'] as const;
export type TableContent = (typeof TABLE_CONTENTS)[number];

/**
 * Customer exports of the ERPs whose open items Kredo reads (law-and-formats.md §B.9 for the open items):
 * Exact Online's Accounts and Contacts API fields, Fortnox's Customers API fields, and the Dutch and Swedish
 * column names of Twinfield's, AFAS's and Visma's customer lists. The generic synonyms catch the rest.
 */
export const CUSTOMER_PRESETS: readonly { readonly id: string; readonly name: string; readonly columns: Partial<Record<CustomerField, readonly string[]>> }[] = [
  {
    id: 'exact-online',
    name: 'Exact Online',
    columns: {
      customerCode: ['Code'], customerName: ['Name'], vatNumber: ['VATNumber'], companyNumber: ['ChamberOfCommerce'], street: ['AddressLine1'], postalCode: ['Postcode'], city: ['City'], country: ['Country'],
      contactTitle: ['Title'], contactFirstName: ['FirstName'], contactSurname: ['LastName'], contactName: ['ContactName', 'FullName'], contactRole: ['JobTitleDescription'], email: ['Email'], phone: ['Phone'],
    },
  },
  {
    id: 'twinfield',
    name: 'Twinfield',
    columns: {
      customerCode: ['Code'], customerName: ['Naam'], vatNumber: ['Btw-nummer'], companyNumber: ['KvK-nummer'], street: ['Adres'], postalCode: ['Postcode'], city: ['Plaats'], country: ['Land'],
      contactName: ['Contactpersoon', 't.a.v.'], email: ['E-mail'], phone: ['Telefoon'],
    },
  },
  {
    id: 'afas',
    name: 'AFAS Profit',
    columns: {
      customerCode: ['Debiteurnummer'], customerName: ['Naam'], vatNumber: ['Btw-identificatienummer'], companyNumber: ['KvK-nummer'], street: ['Adres'], postalCode: ['Postcode'], city: ['Woonplaats'], country: ['Land'],
      contactTitle: ['Aanhef'], contactFirstName: ['Voornaam'], contactSurname: ['Achternaam'], contactName: ['Contactpersoon'], contactRole: ['Functie'], email: ['E-mail'], phone: ['Telefoonnummer werk'],
    },
  },
  {
    id: 'visma',
    name: 'Visma',
    columns: {
      customerCode: ['Kundnr', 'Kundnummer'], customerName: ['Namn', 'Kundnamn'], vatNumber: ['Momsreg.nr'], companyNumber: ['Org.nr', 'Organisationsnummer'], street: ['Adress', 'Postadress'], postalCode: ['Postnr', 'Postnummer'], city: ['Ort'], country: ['Land'],
      contactName: ['Referens', 'Kontaktperson'], email: ['E-post'], phone: ['Telefon'],
    },
  },
  {
    id: 'fortnox',
    name: 'Fortnox',
    columns: {
      customerCode: ['CustomerNumber'], customerName: ['Name'], vatNumber: ['VATNumber'], companyNumber: ['OrganisationNumber'], street: ['Address1'], postalCode: ['ZipCode'], city: ['City'], country: ['CountryCode'],
      invoiceStreet: ['DeliveryAddress1'], invoicePostalCode: ['DeliveryZipCode'], invoiceCity: ['DeliveryCity'], invoiceCountry: ['DeliveryCountryCode'],
      contactName: ['YourReference'], email: ['EmailInvoice', 'Email'], phone: ['Phone1'],
    },
  },
];

/** Generic customer-list column names in Dutch, Swedish and English. */
const CUSTOMER_SYNONYMS: Readonly<Record<CustomerField, readonly string[]>> = {
  customerCode: ['debiteurnummer', 'debiteurnr', 'debiteur', 'relatiecode', 'relatienummer', 'klantnummer', 'kundnummer', 'kundnr', 'customer code', 'customer number', 'customer no', 'account code', 'code'],
  customerName: ['naam', 'bedrijfsnaam', 'klantnaam', 'kundnamn', 'namn', 'företag', 'customer name', 'company name', 'company', 'name'],
  vatNumber: ['btw-nummer', 'btw nummer', 'btw-id', 'momsregistreringsnummer', 'momsnr', 'vat', 'vat number'],
  companyNumber: ['kvk', 'kvk-nummer', 'kvk nummer', 'organisationsnummer', 'orgnr', 'org.nr', 'company number', 'registration number'],
  street: ['adres', 'straat', 'bezoekadres', 'postadres', 'adress', 'gatuadress', 'utdelningsadress', 'address', 'street', 'address line 1'],
  postalCode: ['postcode', 'postnummer', 'postnr', 'postal code', 'zip', 'zip code'],
  city: ['plaats', 'woonplaats', 'stad', 'ort', 'postort', 'city', 'town'],
  country: ['land', 'landcode', 'landskod', 'country', 'country code'],
  invoiceStreet: ['factuuradres', 'fakturaadress', 'invoice address', 'billing address'],
  invoicePostalCode: ['postcode factuuradres', 'fakturapostnummer', 'invoice postal code', 'billing postal code'],
  invoiceCity: ['plaats factuuradres', 'fakturaort', 'invoice city', 'billing city'],
  invoiceCountry: ['land factuuradres', 'fakturaland', 'invoice country', 'billing country'],
  contactTitle: ['aanhef', 'titel', 'title', 'salutation'],
  contactFirstName: ['voornaam', 'förnamn', 'first name', 'given name'],
  contactSurname: ['achternaam', 'efternamn', 'last name', 'surname', 'family name'],
  contactName: ['contactpersoon', 'contact', 'kontaktperson', 'referens', 'er referens', 'contact person', 'contact name', 'attention'],
  contactRole: ['functie', 'roll', 'befattning', 'role', 'job title'],
  email: ['e-mail', 'email', 'e-mailadres', 'e-post', 'epost', 'e-mail address', 'email address'],
  phone: ['telefoon', 'telefoonnummer', 'telefon', 'telefonnummer', 'phone', 'telephone'],
};

/** Columns only an open-items export has: a table with none of them and with address or e-mail columns is a customer list. */
const OPEN_ITEM_SIGNS = ['invoiceNumber', 'openAmount', 'invoiceDate', 'amount'] as const;

/**
 * Proposes the customer mapping from the header row (a preset's exact names first, then synonyms), and
 * whether the table looks like a customer list rather than open items: no invoice number, date or amount
 * column, and an address or e-mail column. The controller sees both and can change either.
 */
export function guessCustomerMapping(headers: readonly string[], openItemMapping: ColumnMapping): { readonly mapping: ColumnMapping; readonly content: TableContent; readonly presetName: string | undefined } {
  const { mapping, preset } = guessColumns(headers, CUSTOMER_FIELDS, CUSTOMER_PRESETS, CUSTOMER_SYNONYMS, REQUIRED_CUSTOMER_FIELDS);
  const looksLikeCustomers = OPEN_ITEM_SIGNS.every((field) => openItemMapping[field] === undefined) && (mapping.street !== undefined || mapping.email !== undefined || mapping.city !== undefined);
  return { mapping, content: looksLikeCustomers ? 'customers' : 'open-items', presetName: preset?.name };
}
