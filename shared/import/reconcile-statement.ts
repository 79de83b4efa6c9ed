/** A booked balance of a statement, signed (a debit balance is negative), in minor units of its currency. */
export interface StatementBalance {
  readonly amountMinor: number;
  readonly currency: string;
  /** Minor units this balance may be off by: one cent for a balance converted from a legacy euro currency. */
  readonly tolerance: number;
}

export type Reconciliation =
  | { readonly kind: 'reconciled' }
  /** Lines whose amount could not be read were refused: the balances cannot be checked without them. */
  | { readonly kind: 'unchecked' }
  | { readonly kind: 'incomplete'; readonly missing: 'opening' | 'closing' }
  | { readonly kind: 'unbalanced'; readonly differenceMinor: number; readonly currency: string };

/**
 * Whether a statement is complete: the opening balance plus every booked entry equals the closing balance
 * (SWIFT MT940 `:60F:`/`:60M:` + `:61:` = `:62F:`/`:62M:`; ISO 20022 camt.053 OPBD + Ntry = CLBD). A file cut
 * short loses its closing balance or its last entries, and either way fails here. `entries` are signed
 * (credits positive) and in the balances' currency.
 */
export function reconcileStatement(opening: StatementBalance | undefined, closing: StatementBalance | undefined, entries: readonly number[], unreadableEntries: number): Reconciliation {
  if (!closing) return { kind: 'incomplete', missing: 'closing' };
  if (!opening) return { kind: 'incomplete', missing: 'opening' };
  if (unreadableEntries > 0) return { kind: 'unchecked' };
  let total = opening.amountMinor;
  for (const entry of entries) total += entry;
  const differenceMinor = closing.amountMinor - total;
  if (Math.abs(differenceMinor) <= opening.tolerance + closing.tolerance) return { kind: 'reconciled' };
  return { kind: 'unbalanced', differenceMinor, currency: closing.currency };
}
