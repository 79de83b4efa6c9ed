import { companyKeysOf, keyFamily, type CompanyIds, type CompanyKey } from '../identifiers/company-keys';
import { NO_ALIASES, type Debtor } from './debtor';

/** Who a source says its customer is: the customer code it carries and what it says about the company. */
export interface SourceParty extends CompanyIds {
  readonly customerCode: string;
}

/**
 * Which debtor a source's customer is:
 * - `known` by its customer code (the debtor's own, or one it is also known by), or by a company identifier
 *   when the source carries a code Kredo does not know (an e-invoice's VAT number, another ERP's code);
 * - `unknown`: nothing identifies it, so it is a new debtor;
 * - `conflict`: the identifiers contradict the code or each other. Never guessed: the import says so and
 *   leaves those rows out until the controller has sorted it out (in the ERP, or by merging the debtors).
 *   `identifierDiffers`: the code's debtor has another number of the same kind (same code, another KvK);
 *   `identifierOfOther`: the code says one debtor, an identifier another; `identifierAmbiguous`: no code
 *   match, and the identifiers point at more than one debtor.
 */
export type DebtorMatch =
  | { readonly kind: 'known'; readonly debtorId: string; readonly by: 'customerCode' }
  | { readonly kind: 'known'; readonly debtorId: string; readonly by: 'identifier'; readonly key: CompanyKey }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'conflict'; readonly reason: 'identifierDiffers' | 'identifierOfOther' | 'identifierAmbiguous'; readonly debtorIds: readonly string[]; readonly key: CompanyKey };

/** Every key a debtor is known by: its identifiers and those of debtors merged into it. */
export function keysOfDebtor(debtor: Debtor): Set<CompanyKey> {
  const aliases = debtor.aliases ?? NO_ALIASES;
  return companyKeysOf({ identifiers: [...debtor.identifiers, ...aliases.identifiers], partyKeys: aliases.partyKeys });
}

/**
 * The debtors as imports look them up: by customer code (own codes before alias codes) and by company key.
 * Debtors created while an import is read are added, so a file never creates the same company twice.
 */
export class DebtorDirectory {
  private readonly byOwnCode = new Map<string, string>();
  private readonly byAliasCode = new Map<string, string>();
  private readonly byKey = new Map<CompanyKey, string[]>();
  private readonly keys = new Map<string, Set<CompanyKey>>();
  private readonly ids = new Set<string>();

  constructor(debtors: Iterable<Debtor>) {
    for (const debtor of debtors) this.add(debtor);
  }

  add(debtor: Debtor): void {
    const aliases = debtor.aliases ?? NO_ALIASES;
    if (!this.byOwnCode.has(debtor.customerCode)) this.byOwnCode.set(debtor.customerCode, debtor.id);
    for (const code of aliases.customerCodes) if (!this.byAliasCode.has(code)) this.byAliasCode.set(code, debtor.id);
    const keys = this.keys.get(debtor.id) ?? new Set<CompanyKey>();
    for (const key of keysOfDebtor(debtor)) {
      keys.add(key);
      const holders = this.byKey.get(key) ?? [];
      if (!holders.includes(debtor.id)) this.byKey.set(key, [...holders, debtor.id]);
    }
    this.keys.set(debtor.id, keys);
    this.ids.add(debtor.id);
    for (const id of aliases.debtorIds) this.ids.add(id);
  }

  /** Whether an id is a debtor's, or was one that has since been merged into another. */
  isIdTaken(id: string): boolean {
    return this.ids.has(id);
  }

  find(party: SourceParty): DebtorMatch {
    const keys = [...companyKeysOf(party)];
    const byCode = this.byOwnCode.get(party.customerCode) ?? this.byAliasCode.get(party.customerCode);
    if (byCode !== undefined) {
      const own = this.keys.get(byCode) ?? new Set<CompanyKey>();
      for (const key of keys) {
        if (own.has(key)) continue;
        const others = (this.byKey.get(key) ?? []).filter((id) => id !== byCode);
        if (others.length > 0) return { kind: 'conflict', reason: 'identifierOfOther', debtorIds: [byCode, ...others], key };
      }
      const differing = this.differingKey(byCode, keys);
      if (differing) return { kind: 'conflict', reason: 'identifierDiffers', debtorIds: [byCode], key: differing };
      // Identifiers of kinds the debtor has none of are new facts about it, not a contradiction.
      return { kind: 'known', debtorId: byCode, by: 'customerCode' };
    }
    const holders = new Set<string>();
    let found: CompanyKey | undefined;
    for (const key of keys) {
      for (const id of this.byKey.get(key) ?? []) {
        holders.add(id);
        found ??= key;
      }
    }
    if (holders.size === 0 || found === undefined) return { kind: 'unknown' };
    if (holders.size > 1) return { kind: 'conflict', reason: 'identifierAmbiguous', debtorIds: [...holders], key: found };
    const [debtorId] = [...holders] as [string];
    const differing = this.differingKey(debtorId, keys);
    if (differing) return { kind: 'conflict', reason: 'identifierDiffers', debtorIds: [debtorId], key: differing };
    return { kind: 'known', debtorId, by: 'identifier', key: found };
  }

  /**
   * A key of the source of a kind the debtor has, where none of the source's keys of that kind is the
   * debtor's: a company has one KvK number, one organisationsnummer, so another one is a contradiction.
   */
  private differingKey(debtorId: string, keys: readonly CompanyKey[]): CompanyKey | undefined {
    const own = this.keys.get(debtorId) ?? new Set<CompanyKey>();
    const families = new Set([...own].map(keyFamily));
    const agreeing = new Set(keys.filter((key) => own.has(key)).map(keyFamily));
    return keys.find((key) => families.has(keyFamily(key)) && !agreeing.has(keyFamily(key)));
  }
}
