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

/**
 * A letter Kredo sent with a payment reference of its own (issue 16, item 6): a payment quoting it pays
 * exactly the invoices the letter listed, not whatever else the debtor owes.
 */
export interface MatchableLetter {
  /** Without spaces: betalingskenmerk, OCR or RF (shared/domain/references/letter-payment-reference.ts). */
  readonly reference: string;
  readonly debtorId: string;
  readonly itemIds: readonly string[];
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

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Matches incoming payments to debtors and invoices, most certain first (PRODUCT.md, issue 4):
 * 1. a structured reference or a reference in the text (betalingskenmerk, OCR, RF) that Kredo issued: a
 *    letter's own reference names the invoices that letter listed, an invoice's reference that invoice;
 * 2. invoice numbers in the remittance text;
 * 3. the paying account (IBAN), from the debtor's earlier payments;
 * 4. the payer's name.
 * Anything that points at more than one debtor is left for the controller ("ambiguous"), never guessed
 * (issue 12, item 11: cash booked to the wrong customer is the worst outcome of a bank import): a reference
 * or invoice number several debtors share, unless the paying account or name leaves exactly one of them;
 * an invoice number of one debtor paid from another debtor's account or in another debtor's name; an
 * account several debtors have paid from; an account of one debtor with another debtor's name; a name
 * several debtors bear.
 * The indexes are built once, so thousands of bank lines match in milliseconds.
 */
export class PaymentMatcher {
  private readonly byReference = new Map<string, MatchableItem[]>();
  private readonly byNumber = new Map<string, MatchableItem[]>();
  private readonly byDebtor = new Map<string, MatchableItem[]>();
  private readonly debtorsByIban = new Map<string, string[]>();
  private readonly debtorsByName = new Map<string, string[]>();
  private readonly lettersByReference = new Map<string, MatchableLetter[]>();
  private readonly byItemId = new Map<string, MatchableItem>();

  constructor(items: Iterable<MatchableItem>, debtors: Iterable<MatchableDebtor>, letters: Iterable<MatchableLetter> = []) {
    for (const letter of letters) addTo(this.lettersByReference, normaliseReference(letter.reference), letter);
    for (const item of items) {
      this.byItemId.set(item.itemId, item);
      if (item.paymentReference) addTo(this.byReference, normaliseReference(item.paymentReference), item);
      addTo(this.byNumber, normaliseReference(item.number), item);
      addTo(this.byDebtor, item.debtorId, item);
    }
    for (const debtor of debtors) {
      // An earlier payment without an account (a cash deposit, a bankgiro slip) says nothing about the payer.
      for (const iban of new Set(debtor.ibans.map(normaliseReference))) if (iban) addTo(this.debtorsByIban, iban, debtor.debtorId);
      // A name with nothing left to compare (empty, or a legal form alone) says nothing either.
      const name = normaliseCompanyName(debtor.name);
      if (name) addTo(this.debtorsByName, name, debtor.debtorId);
    }
  }

  match(transaction: BankTransaction): PaymentMatch {
    const tokens = remittanceTokens(`${transaction.structuredReference} ${transaction.remittance}`);
    const byReference: MatchableItem[] = [];
    const byNumber: MatchableItem[] = [];
    for (const token of tokens) {
      // A letter's reference stands for every invoice the letter listed that is still open in this currency.
      for (const letter of this.lettersByReference.get(token) ?? []) {
        for (const id of letter.itemIds) {
          const item = this.byItemId.get(id);
          if (item && item.debtorId === letter.debtorId && item.currency === transaction.currency && !byReference.includes(item)) byReference.push(item);
        }
      }
      for (const item of this.byReference.get(token) ?? []) if (item.currency === transaction.currency) byReference.push(item);
      for (const item of this.byNumber.get(token) ?? []) if (item.currency === transaction.currency) byNumber.push(item);
    }
    // Blank accounts and names are never indexed, so a line without them finds nobody.
    const fromAccount = unique(this.debtorsByIban.get(normaliseReference(transaction.counterpartyIban)) ?? []);
    const fromName = unique(this.debtorsByName.get(normaliseCompanyName(transaction.counterpartyName)) ?? []);
    const payers = unique([...fromAccount, ...fromName]);

    for (const [method, candidates] of [['reference', byReference], ['invoice-number', byNumber]] as const) {
      if (candidates.length === 0) continue;
      const debtors = unique(candidates.map((item) => item.debtorId));
      let debtorId = debtors[0]!;
      if (debtors.length > 1) {
        // Several debtors share the reference or number: the paying account or name may leave one of them.
        const narrowed = debtors.filter((id) => payers.includes(id));
        if (narrowed.length !== 1) return { kind: 'ambiguous', debtorIds: debtors };
        debtorId = narrowed[0]!;
      } else if (method === 'invoice-number' && payers.length > 0 && !payers.includes(debtorId)) {
        // A number in free text may be anything (an order, a customer number) that happens to be another
        // debtor's invoice number; a reference Kredo issued carries check digits and names the invoice.
        return { kind: 'ambiguous', debtorIds: [debtorId, ...payers] };
      }
      const named = candidates.filter((item) => item.debtorId === debtorId).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      return { kind: 'matched', method, debtorId, itemIds: named.map((item) => item.itemId), fit: this.fit(transaction.amountMinor, named) };
    }

    // The account first: a name several debtors bear is told apart by it, but a name that is only another
    // debtor's contradicts it. Then the name alone.
    const [method, debtors] = fromAccount.length > 0 ? (['iban', fromAccount] as const) : (['name', fromName] as const);
    if (debtors.length === 0) return { kind: 'unmatched' };
    const debtorId = debtors[0]!;
    if (debtors.length > 1 || (fromName.length > 0 && !fromName.includes(debtorId))) return { kind: 'ambiguous', debtorIds: payers };
    const open = (this.byDebtor.get(debtorId) ?? []).filter((item) => item.currency === transaction.currency);
    // A payment of exactly one invoice's amount settles that invoice, not the oldest. Two of that amount: oldest first.
    const exact = open.filter((item) => item.openMinor === transaction.amountMinor);
    const itemIds = exact.length === 1 ? [exact[0]!.itemId] : [];
    return { kind: 'matched', method, debtorId, itemIds, fit: this.fit(transaction.amountMinor, exact.length === 1 ? exact : open) };
  }

  /** How the amount compares with what the invoices owe: an open credit note is not owed (it is negative). */
  private fit(amountMinor: number, items: readonly MatchableItem[]): 'exact' | 'short' | 'over' {
    const owed = items.reduce((sum, item) => sum + Math.max(0, item.openMinor), 0);
    return amountMinor === owed ? 'exact' : amountMinor < owed ? 'short' : 'over';
  }
}
