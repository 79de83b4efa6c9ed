import { keysOfDebtor } from '../../../../shared/domain/debtors/debtor-directory';
import { normaliseCompanyName } from '../../../../shared/import/remittance-tokens';
import { nameOrCodeMatches, searchNeedle, SHOWN_DEBTORS } from '../../components/DebtorChoice';
import type { StoredDebtor } from '../../data/db/schema';

/**
 * The debtors "Merge with…" offers for `debtor`. While nothing is typed: likely twins — a shared company
 * identifier, or the same name as the bank matcher compares names (normaliseCompanyName: case, accents and
 * legal form aside, so "Bakker Bouw B.V." and "BAKKER BOUW BV" are one name). Once something is typed: the
 * others whose name, customer code or identifier holds it, by name.
 */
export function mergeCandidates(debtor: StoredDebtor, debtors: readonly StoredDebtor[], query: string): StoredDebtor[] {
  const others = debtors.filter((candidate) => candidate.id !== debtor.id);
  const needle = searchNeedle(query);
  if (needle) {
    return others
      .filter((candidate) => nameOrCodeMatches(candidate, needle) || candidate.identifiers.some((identifier) => identifier.value.toLowerCase().includes(needle)))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, SHOWN_DEBTORS);
  }
  const keys = keysOfDebtor(debtor);
  const name = normaliseCompanyName(debtor.name);
  return others.filter((candidate) => (name !== '' && normaliseCompanyName(candidate.name) === name) || [...keysOfDebtor(candidate)].some((key) => keys.has(key))).slice(0, SHOWN_DEBTORS);
}
