import { VAT_SCHEME } from '../../../../shared/domain/identifiers/peppol-schemes';
import type { ParsedEInvoice } from '../../../../shared/import/e-invoice';
import type { OpenItemRecord } from '../../../../shared/import/open-item-record';
import { parseAmount } from '../../../../shared/import/parse-amount';
import { isCurrencyCode, minorUnitDigits } from '../../../../shared/money/money';
import { isIsoDate } from '../../../../shared/time/iso-date';
import { ImportFileError } from '../import-error';
import { at, attributeAt, listAt, parseSafeXml, textAt, type XmlValue } from '../safe-xml';

const REPEATED = new Set(['PaymentMeans', 'TaxTotal', 'PartyIdentification', 'PartyTaxScheme', 'PaymentTerms', 'Note']);

/**
 * Reads a UBL 2.1 invoice or credit note as Peppol BIS Billing 3.0 (EN 16931) defines it
 * (law-and-formats.md §B.8): the open amount is the payable amount (BT-115), negative for a credit note;
 * the payment reference (BT-83) is what the payer will quote; the buyer is identified by its legal
 * registration (BT-47, KvK/orgnr/CRN), VAT number (BT-48) or identifier (BT-46). The buyer identifier
 * without a scheme (the seller's customer number), or failing that the VAT or registration number, the
 * e-address or a schemed identifier (a GLN), is the customer code; every identifier with its scheme goes
 * along as the buyer's party ids, by which the debtor is found (shared/domain/debtors/debtor-directory.ts).
 */
export function parseUbl(text: string, file: string): ParsedEInvoice {
  const root = parseSafeXml(text, file, REPEATED);
  const isCreditNote = at(root, 'CreditNote') !== undefined;
  const document = at(root, 'Invoice') ?? at(root, 'CreditNote');
  if (!document) throw new ImportFileError('notUbl', { file });
  const missing = (field: string): never => {
    throw new ImportFileError('eInvoiceInvalid', { file, field });
  };

  const number = textAt(document, 'ID') || missing('cbc:ID');
  const issueDate = textAt(document, 'IssueDate');
  if (!isIsoDate(issueDate)) missing('cbc:IssueDate');
  const dueText = textAt(document, 'DueDate') || listAt(document, 'PaymentMeans').map((means) => textAt(means, 'PaymentDueDate')).find(Boolean) || '';
  const currency = textAt(document, 'DocumentCurrencyCode');
  if (!isCurrencyCode(currency)) missing('cbc:DocumentCurrencyCode');
  const payable = parseAmount(textAt(document, 'LegalMonetaryTotal', 'PayableAmount'), '.', minorUnitDigits(currency));
  if (!payable.ok) missing('cbc:PayableAmount');
  const gross = parseAmount(textAt(document, 'LegalMonetaryTotal', 'TaxInclusiveAmount'), '.', minorUnitDigits(currency));
  const sign = isCreditNote ? -1 : 1;

  const party: XmlValue | undefined = at(document, 'AccountingCustomerParty', 'Party');
  const name = textAt(party, 'PartyLegalEntity', 'RegistrationName') || textAt(party, 'PartyName', 'Name') || missing('cac:AccountingCustomerParty');
  const vatNumber = listAt(party, 'PartyTaxScheme').map((scheme) => textAt(scheme, 'CompanyID')).find(Boolean) ?? '';
  const companyNumber = textAt(party, 'PartyLegalEntity', 'CompanyID');
  const identifications = listAt(party, 'PartyIdentification').map((identification) => ({ scheme: attributeAt(identification, 'schemeID', 'ID'), value: textAt(identification, 'ID') }));
  const customerNumber = identifications.find((identification) => identification.value && !identification.scheme)?.value ?? '';
  const schemed = identifications.find((identification) => identification.value && identification.scheme)?.value ?? '';
  const endpoint = { scheme: attributeAt(party, 'schemeID', 'EndpointID'), value: textAt(party, 'EndpointID') };
  const legalScheme = attributeAt(party, 'schemeID', 'PartyLegalEntity', 'CompanyID');
  const partyIds = [
    endpoint,
    ...identifications,
    ...listAt(party, 'PartyTaxScheme').filter((scheme) => textAt(scheme, 'TaxScheme', 'ID').toUpperCase() === 'VAT').map((scheme) => ({ scheme: VAT_SCHEME, value: textAt(scheme, 'CompanyID') })),
    { scheme: legalScheme, value: companyNumber },
  ].filter((id) => id.scheme && id.value);
  const reference = listAt(document, 'PaymentMeans').map((means) => textAt(means, 'PaymentID')).find(Boolean) ?? '';

  return {
    kind: isCreditNote ? 'credit-note' : 'invoice',
    record: {
      row: 1,
      customerCode: customerNumber || vatNumber || companyNumber || endpoint.value || schemed || missing('cac:PartyIdentification'),
      customerName: name,
      invoiceNumber: number,
      invoiceDate: issueDate as OpenItemRecord['invoiceDate'],
      dueDate: isIsoDate(dueText) ? dueText : undefined,
      currency,
      openMinor: sign * Math.abs(payable.ok ? payable.minor : 0),
      amountMinor: gross.ok ? sign * Math.abs(gross.minor) : undefined,
      paymentReference: reference.replace(/\s/g, ''),
      vatNumber,
      companyNumber,
      description: textAt(document, 'BuyerReference'),
    },
    buyer: {
      name,
      country: textAt(party, 'PostalAddress', 'Country', 'IdentificationCode'),
      street: textAt(party, 'PostalAddress', 'StreetName'),
      postalCode: textAt(party, 'PostalAddress', 'PostalZone'),
      city: textAt(party, 'PostalAddress', 'CityName'),
      email: textAt(party, 'Contact', 'ElectronicMail'),
      contactName: textAt(party, 'Contact', 'Name'),
      phone: textAt(party, 'Contact', 'Telephone'),
      partyIds,
    },
  };
}
