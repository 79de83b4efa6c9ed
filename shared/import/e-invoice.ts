import type { OpenItemRecord } from './open-item-record';

/** What Kredo needs of the buyer of an e-invoice, to find or create the debtor. */
export interface EInvoiceBuyer {
  readonly name: string;
  readonly country: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly email: string;
}

/** A UBL / Peppol invoice or credit note, read as one open item of its buyer. */
export interface ParsedEInvoice {
  readonly kind: 'invoice' | 'credit-note';
  readonly record: OpenItemRecord;
  readonly buyer: EInvoiceBuyer;
}
