import type { CurrencyCode } from '../../money/money';
import type { IsoDate } from '../../time/iso-date';

export type ItemKind = 'invoice' | 'credit-note';

/** Dispute reason codes; a disputed invoice is not dunned and counts as uninsured. */
export const DISPUTE_REASONS = ['price', 'quantity', 'quality', 'delivery', 'not-ordered', 'duplicate', 'other'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

export interface Dispute {
  readonly reason: DisputeReason;
  readonly since: IsoDate;
}

/**
 * An invoice or a credit note on a debtor's ledger. Amounts are gross (VAT included), as receivables are;
 * `vatMinor` is kept because insurers indemnify net of VAT. Credit notes have negative amounts.
 */
export interface LedgerItem {
  /** `<debtorId>|<number>`: an invoice number is unique per debtor, and imports match on it. */
  readonly id: string;
  readonly debtorId: string;
  readonly number: string;
  readonly kind: ItemKind;
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly vatMinor: number;
  /** What is still open after every allocation: 0 when settled; negative for an unused credit note. */
  readonly openMinor: number;
  /** The structured reference printed on the invoice (betalingskenmerk, OCR, RF), or ''. */
  readonly paymentReference: string;
  readonly dispute?: Dispute;
}

export interface LedgerPayment {
  readonly id: string;
  readonly debtorId: string;
  /** The value date: when the money arrived. */
  readonly date: IsoDate;
  readonly currency: CurrencyCode;
  /** Always positive. */
  readonly amountMinor: number;
  /** The part not (yet) allocated to an invoice. */
  readonly unappliedMinor: number;
  readonly reference: string;
  readonly remittance: string;
  readonly counterpartyName: string;
  readonly counterpartyIban: string;
}

export type AllocationSource =
  | { readonly kind: 'payment'; readonly paymentId: string }
  | { readonly kind: 'credit-note'; readonly itemId: string }
  /** Settled outside Kredo: the ERP's open-items export shows less open than Kredo did (see settleExternally). */
  | { readonly kind: 'external' };

/**
 * Money (or credit) applied to one invoice on one date. For an external settlement of a credit note the
 * amount is negative: it is the change in the item's open amount, in the item's own sign.
 */
export interface LedgerAllocation {
  readonly itemId: string;
  readonly source: AllocationSource;
  readonly amountMinor: number;
  readonly date: IsoDate;
}

/** Everything owed by and paid by one debtor. */
export interface DebtorLedger {
  readonly debtorId: string;
  readonly items: readonly LedgerItem[];
  readonly payments: readonly LedgerPayment[];
  readonly allocations: readonly LedgerAllocation[];
}

export function itemId(debtorId: string, number: string): string {
  return `${debtorId}|${number}`;
}
