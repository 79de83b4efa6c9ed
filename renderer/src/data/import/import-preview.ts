import type { ItemChange, ItemDifference } from '../../../../shared/import/plan-open-items';
import type { MasterDataField } from '../../../../shared/domain/debtors/debtor';
import type { MatchMethod } from '../../../../shared/import/payment-matcher';
import type { IsoDate } from '../../../../shared/time/iso-date';

/** Amounts per currency, in minor units: an import can hold several currencies, never added together. */
export type CurrencyTotals = Readonly<Record<string, number>>;

/** A list shown as its first rows, with the full count and totals. */
export interface Sampled<T> {
  readonly count: number;
  readonly totals: CurrencyTotals;
  readonly sample: readonly T[];
}

/** Who an item or payment belongs to, for showing it. */
export interface DebtorLabel {
  readonly customerCode: string;
  readonly debtorName: string;
}

export type ItemChangeRow = ItemChange & DebtorLabel;

/** A customer of the file found by a company identifier rather than by its customer code (the label is the file's). */
export interface IdentifiedDebtorRow extends DebtorLabel {
  readonly currency: string;
  readonly debtorCustomerCode: string;
  readonly debtorNameInKredo: string;
  /** The identifier that found it, as a company key (`NL_VAT:NL813086188B01`). */
  readonly key: string;
}

/**
 * A customer of the file whose rows were left out because what the file says about it contradicts the store
 * (DebtorMatch conflicts), or an invoice number two customer codes of one debtor both list. The label is
 * the file's; `debtors` are the debtors in Kredo it points at.
 */
export interface DebtorConflictRow extends DebtorLabel {
  readonly currency: string;
  readonly reason: 'identifierDiffers' | 'identifierOfOther' | 'identifierAmbiguous' | 'sameInvoiceNumber';
  /** The identifier in question as a company key; '' for `sameInvoiceNumber`. */
  readonly key: string;
  readonly items: number;
  readonly debtors: readonly DebtorLabel[];
}
export type ItemDifferenceRow = ItemDifference & DebtorLabel;

export interface OpenItemsPreview {
  readonly newDebtors: Sampled<DebtorLabel & { readonly currency: string }>;
  readonly newItems: Sampled<ItemChangeRow>;
  /** Items the ERP shows with less open: settled by the import. */
  readonly settled: Sampled<ItemChangeRow>;
  readonly unchanged: number;
  /** Settled lines of invoices Kredo does not have: nothing to add. */
  readonly alreadySettled: number;
  /** Not applied: shown for the controller to check in the ERP. */
  readonly differences: Sampled<ItemDifferenceRow>;
  /** Closed since last import: open in Kredo, not in this full export; settled only when confirmed. */
  readonly missing: Sampled<ItemChangeRow>;
  /** Debtors in Kredo that the file does not mention: left as they are. */
  readonly debtorsNotInFile: number;
  /** Customers of the file found by a company identifier (an e-invoice's VAT number, say) rather than their code. */
  readonly matchedByIdentifier: Sampled<IdentifiedDebtorRow>;
  /** Customers left out because their identifiers contradict Kredo's: nothing of theirs is imported. */
  readonly conflicts: Sampled<DebtorConflictRow>;
  /** Debtors the import gives identifiers or customer codes they did not have yet. */
  readonly debtorsUpdated: number;
}

export interface PaymentRow extends DebtorLabel {
  readonly transactionId: string;
  readonly valueDate: IsoDate;
  readonly amountMinor: number;
  readonly currency: string;
  readonly counterpartyName: string;
  readonly remittance: string;
  readonly method: MatchMethod | null;
  readonly invoiceNumbers: readonly string[];
  readonly fit: 'exact' | 'short' | 'over' | null;
  readonly reason: 'ambiguous' | 'unmatched' | null;
}

export interface PaymentsPreview {
  readonly booked: Sampled<PaymentRow>;
  readonly toReview: Sampled<PaymentRow>;
  readonly duplicates: number;
  readonly notReceipts: number;
}

/** What a customer export changes: contacts and addresses taken, those left because edited by hand, customers unknown. */
export interface CustomersPreview {
  readonly updated: Sampled<DebtorLabel & { readonly currency: string; readonly fields: readonly MasterDataField[] }>;
  readonly keptByHand: Sampled<DebtorLabel & { readonly currency: string; readonly fields: readonly MasterDataField[] }>;
  readonly notFound: Sampled<DebtorLabel & { readonly currency: string }>;
  readonly unchanged: number;
}

/** What an import will change, shown before the controller commits it. Nothing is stored yet. */
export interface ImportPreview {
  readonly importId: string;
  readonly fileName: string;
  readonly kind: 'open-items' | 'e-invoice' | 'bank-transactions' | 'customers';
  /** For a customer export (contacts and addresses). */
  readonly customers?: CustomersPreview | null;
  /** When this very file (same bytes) was imported before, if it was. */
  readonly previouslyImportedAt: string | null;
  readonly openItems: OpenItemsPreview | null;
  readonly payments: PaymentsPreview | null;
  readonly hasChanges: boolean;
}

/** The number of rows each list in a preview shows; the counts and totals cover all. */
export const PREVIEW_SAMPLE = 200;

export class SampleCollector<T extends { readonly currency: string }> {
  count = 0;
  readonly totals: Record<string, number> = {};
  readonly sample: T[] = [];

  add(row: T, amountMinor: number): void {
    this.count += 1;
    this.totals[row.currency] = (this.totals[row.currency] ?? 0) + amountMinor;
    if (this.sample.length < PREVIEW_SAMPLE) this.sample.push(row);
  }

  result(): Sampled<T> {
    return { count: this.count, totals: this.totals, sample: this.sample };
  }
}
