import type { PartyId } from '../domain/identifiers/company-keys';
import type { OpenItemRecord } from './open-item-record';

/** What Kredo needs of the buyer of an e-invoice, to find or create the debtor. */
export interface EInvoiceBuyer {
  readonly name: string;
  readonly country: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly email: string;
  /** The buyer's contact person and telephone (cac:Contact/cbc:Name, cbc:Telephone; BT-56, BT-57), when given. */
  readonly contactName?: string;
  readonly phone?: string;
  /**
   * Every identifier the buyer is given with its Peppol scheme (ISO 6523 ICD; `VAT` for its VAT number),
   * in document order: e-address (BT-49), party ids (BT-46), VAT number (BT-48), legal registration (BT-47).
   * Kredo finds the debtor by them whatever the sender put where.
   */
  readonly partyIds: readonly PartyId[];
}

/** A UBL / Peppol invoice or credit note, read as one open item of its buyer. */
export interface ParsedEInvoice {
  readonly kind: 'invoice' | 'credit-note';
  readonly record: OpenItemRecord;
  readonly buyer: EInvoiceBuyer;
}
