import type { IsoDate } from '../time/iso-date';
import type { BankTransaction } from './bank-transaction';
import { normaliseCompanyName, normaliseReference, remittanceTokens } from './remittance-tokens';

/** An open invoice as the matcher sees it. */
export interface MatchableItem {
  readonly itemId: string;
  readonly debtorId: string;
  readonly number: string;
  readonly paymentReference: string;
  readonly openMinor: number;
  readonly currency: string;
  readonly dueDate: IsoDate;
}

/** A debtor as the matcher sees it: its name and the accounts it has paid from before. */
export interface MatchableDebtor {
  readonly debtorId: string;
  readonly name: string;
  readonly ibans: readonly string[];
}

export type MatchMethod = 'reference' | 'invoice-number' | 'iban' | 'name';

export type PaymentMatch =
  | {
      readonly kind: 'matched';
      readonly method: MatchMethod;
      readonly debtorId: string;
      /** Invoices the payment names, oldest first; empty means "the debtor's oldest invoices". */
      readonly itemIds: readonly string[];
      /** How the amount compares with what the named invoices (or the debtor) owe. */
      readonly fit: 'exact' | 'short' | 'over';
    }
  | { readonly kind: 'ambiguous'; readonly debtorIds: readonly string[] }
  | { readonly kind: 'unmatched' };

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Matches incoming payments to debtors and invoices, most certain first (PRODUCT.md, issue 4):
 * 1. a structured reference or a reference in the text (betalingskenmerk, OCR, RF) that Kredo issued;
 * 2. invoice numbers in the remittance text;
 * 3. the paying account (IBAN), from the debtor's earlier payments;
 * 4. the payer's name.
 * Anything that points at more than one debtor is left for the controller ("ambiguous"), never guessed.
 * The indexes are built once, so thousands of bank lines match in milliseconds.
 */
export class PaymentMatcher {
  private readonly byReference = new Map<string, MatchableItem[]>();
  private readonly byNumber = new Map<string, MatchableItem[]>();
  private readonly byDebtor = new Map<string, MatchableItem[]>();
  private readonly debtorsByIban = new Map<string, string[]>();
  private readonly debtorsByName = new Map<string, string[]>();

  constructor(items: Iterable<MatchableItem>, debtors: Iterable<MatchableDebtor>) {
    for (const item of items) {
      if (item.paymentReference) addTo(this.byReference, normaliseReference(item.paymentReference), item);
      addTo(this.byNumber, normaliseReference(item.number), item);
      addTo(this.byDebtor, item.debtorId, item);
    }
    for (const debtor of debtors) {
      for (const iban of new Set(debtor.ibans.map(normaliseReference))) addTo(this.debtorsByIban, iban, debtor.debtorId);
      const name = normaliseCompanyName(debtor.name);
      if (name) addTo(this.debtorsByName, name, debtor.debtorId);
    }
  }

  match(transaction: BankTransaction): PaymentMatch {
    const tokens = remittanceTokens(`${transaction.structuredReference} ${transaction.remittance}`);
    const byReference: MatchableItem[] = [];
    const byNumber: MatchableItem[] = [];
    for (const token of tokens) {
      for (const item of this.byReference.get(token) ?? []) if (item.currency === transaction.currency) byReference.push(item);
      for (const item of this.byNumber.get(token) ?? []) if (item.currency === transaction.currency) byNumber.push(item);
    }
    const fromAccount = this.debtorsByIban.get(normaliseReference(transaction.counterpartyIban)) ?? [];
    const fromName = this.debtorsByName.get(normaliseCompanyName(transaction.counterpartyName)) ?? [];

    for (const [method, candidates] of [['reference', byReference], ['invoice-number', [...byReference, ...byNumber]]] as const) {
      if (candidates.length === 0) continue;
      let debtors = [...new Set(candidates.map((item) => item.debtorId))];
      // Several debtors share an invoice number: the paying account or name may tell them apart.
      if (debtors.length > 1) {
        const narrowed = debtors.filter((id) => fromAccount.includes(id) || fromName.includes(id));
        if (narrowed.length === 1) debtors = narrowed;
        else return { kind: 'ambiguous', debtorIds: debtors };
      }
      const debtorId = debtors[0]!;
      const named = [...new Map(candidates.filter((item) => item.debtorId === debtorId).map((item) => [item.itemId, item])).values()].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      return { kind: 'matched', method, debtorId, itemIds: named.map((item) => item.itemId), fit: this.fit(transaction.amountMinor, named) };
    }

    for (const [method, debtorIds] of [['iban', fromAccount], ['name', fromName]] as const) {
      const unique = [...new Set(debtorIds)];
      if (unique.length > 1) return { kind: 'ambiguous', debtorIds: unique };
      if (unique.length === 1) {
        const debtorId = unique[0]!;
        const open = (this.byDebtor.get(debtorId) ?? []).filter((item) => item.currency === transaction.currency);
        // A payment of exactly one invoice's amount settles that invoice, not the oldest.
        const exact = open.filter((item) => item.openMinor === transaction.amountMinor);
        const itemIds = exact.length === 1 ? [exact[0]!.itemId] : [];
        return { kind: 'matched', method, debtorId, itemIds, fit: this.fit(transaction.amountMinor, exact.length === 1 ? exact : open) };
      }
    }
    return { kind: 'unmatched' };
  }

  private fit(amountMinor: number, items: readonly MatchableItem[]): 'exact' | 'short' | 'over' {
    const owed = items.reduce((sum, item) => sum + Math.max(0, item.openMinor), 0);
    return amountMinor === owed ? 'exact' : amountMinor < owed ? 'short' : 'over';
  }
}
