import { keyOfIdentifier } from '../identifiers/company-keys';
import type { CompanyIdentifier } from '../identifiers/identifier-type';

/**
 * The debtors that are already the company a controller is about to add (issue 18 item 3): a debtor is the
 * same company when one of its identifiers — its own or those of debtors merged into it (aliases) — has the
 * same company key as one the controller looked up (company-keys.ts: every notation of a number is one key,
 * and a Swedish VAT number is the organisationsnummer's). It may be on the books under another customer
 * number: the new-customer flow shows it, so nobody creates a duplicate without seeing it.
 */
/** What a debtor is known by (Debtor's identifiers and aliases). */
export interface KnownIdentifiers {
  readonly identifiers: readonly CompanyIdentifier[];
  readonly aliases?: { readonly identifiers: readonly CompanyIdentifier[] } | undefined;
}

export function debtorsOfSameCompany<T extends KnownIdentifiers>(identifiers: readonly CompanyIdentifier[], debtors: Iterable<T>): T[] {
  const wanted = new Set(identifiers.map(keyOfIdentifier));
  if (wanted.size === 0) return [];
  const found: T[] = [];
  for (const debtor of debtors) {
    const known = [...debtor.identifiers, ...(debtor.aliases?.identifiers ?? [])];
    if (known.some((identifier) => wanted.has(keyOfIdentifier(identifier)))) found.push(debtor);
  }
  return found;
}
