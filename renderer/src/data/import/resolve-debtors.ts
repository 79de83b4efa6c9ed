import { NO_ALIASES, type Debtor } from '../../../../shared/domain/debtors/debtor';
import { DebtorDirectory, keysOfDebtor, type DebtorMatch, type SourceParty } from '../../../../shared/domain/debtors/debtor-directory';
import { keyOfIdentifier, type CompanyKey } from '../../../../shared/domain/identifiers/company-keys';
import { debtorFromImport, importedDebtorId, importedPartyOf, masterDataOfBuyer } from '../../../../shared/import/debtor-from-import';
import { linesOfRecords, type CustomerLines } from '../../../../shared/import/open-item-lines';
import { takeImportedMasterData } from '../../../../shared/domain/debtors/debtor-master-data';
import type { EInvoiceBuyer } from '../../../../shared/import/e-invoice';
import type { ImportedOpenItem } from '../../../../shared/import/open-item-record';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { StoredDebtor } from '../db/schema';
import type { StoreIndex } from './chunk-loader';
import { SampleCollector, type DebtorConflictRow, type DebtorLabel, type IdentifiedDebtorRow } from './import-preview';

/** One debtor an import writes to, with every record of the file that belongs to it (from one or more customer codes). */
export interface DebtorTarget {
  /** In the store already (as it will be stored: with what the import learned about it), or new. */
  readonly debtor: Debtor;
  readonly stored: StoredDebtor | undefined;
  /** Its lines in the file, read in place until something needs them as records. */
  readonly lines: CustomerLines;
  /** Whether the import adds identifiers or customer codes to a debtor already stored. */
  readonly isUpdated: boolean;
}

export interface ResolvedDebtors {
  readonly targets: readonly DebtorTarget[];
  readonly identified: SampleCollector<IdentifiedDebtorRow>;
  readonly conflicts: SampleCollector<DebtorConflictRow>;
}

const labelOf = (debtor: Debtor): DebtorLabel => ({ customerCode: debtor.customerCode, debtorName: debtor.name });

/** The debtor with what a source said about it that it did not know: identifiers, party keys, the code it came under. */
function learn(debtor: Debtor, party: SourceParty, match: Extract<DebtorMatch, { kind: 'known' }>): Debtor {
  const keys = keysOfDebtor(debtor);
  const identifiers = party.identifiers.filter((identifier) => !keys.has(keyOfIdentifier(identifier)) && !debtor.identifiers.some((own) => own.type === identifier.type));
  const partyKeys = party.partyKeys.filter((key) => !keys.has(key));
  const aliases = debtor.aliases ?? NO_ALIASES;
  const isNewCode = match.by === 'identifier' && party.customerCode !== debtor.customerCode && !aliases.customerCodes.includes(party.customerCode);
  if (identifiers.length === 0 && partyKeys.length === 0 && !isNewCode) return debtor;
  const learned = { ...aliases, partyKeys: [...aliases.partyKeys, ...partyKeys], customerCodes: isNewCode ? [...aliases.customerCodes, party.customerCode] : aliases.customerCodes };
  const hasAliases = Object.values(learned).some((list) => list.length > 0);
  return { ...debtor, identifiers: [...debtor.identifiers, ...identifiers], ...(hasAliases && { aliases: learned }) };
}

/**
 * Decides, for every customer code of a file, which debtor it is (DebtorDirectory): found by code or by
 * identifier, new, or in conflict — conflicts are left out of the import and listed for the controller.
 * Codes that turn out to be one company go to one debtor, which learns the other codes and any new
 * identifiers, so the next file finds it by them. An invoice number that two codes of one debtor both
 * list is left out the second time (one ledger holds each number once) and listed too.
 */
export function resolveDebtors(
  index: StoreIndex,
  groups: ReadonlyMap<string, CustomerLines>,
  options: {
    readonly today: IsoDate;
    readonly buyer?: EInvoiceBuyer;
    /** New debtors already made from these very lines while the file arrived (NewLedgersAhead): the same as making them here. */
    readonly ahead?: { debtorOf(id: string, lines: CustomerLines): Debtor | undefined };
  },
): ResolvedDebtors {
  const directory = new DebtorDirectory(index.byId.values());
  const debtors = new Map<string, Debtor>(index.byId);
  const codeOwners = new Map<string, string>();
  for (const debtor of index.byId.values()) for (const code of [debtor.customerCode, ...(debtor.aliases?.customerCodes ?? [])]) if (!codeOwners.has(code)) codeOwners.set(code, debtor.id);
  /**
   * `lines`: the first customer code's lines as they are; once a second code joins the debtor, `records`
   * holds the lines of both as records and `numbers` their invoice numbers.
   */
  const targets = new Map<string, { debtor: Debtor; lines: CustomerLines; records: ImportedOpenItem[] | undefined; numbers: Set<string> | undefined }>();
  const identified = new SampleCollector<IdentifiedDebtorRow>();
  const conflicts = new SampleCollector<DebtorConflictRow>();

  const refuse = (customerCode: string, records: readonly ImportedOpenItem[], reason: DebtorConflictRow['reason'], key: CompanyKey, debtorIds: readonly string[]) => {
    const currency = records[0]!.currency;
    const row: DebtorConflictRow = { customerCode, debtorName: records.find((record) => record.customerName)?.customerName ?? '', currency, reason, key, items: records.length, debtors: debtorIds.flatMap((id) => (debtors.has(id) ? [labelOf(debtors.get(id)!)] : [])) };
    conflicts.add(row, records.filter((record) => record.currency === currency).reduce((sum, record) => sum + record.openMinor, 0));
    // Every currency is counted (an import report never drops one), the row shows under the first.
    for (const record of records) if (record.currency !== currency) conflicts.totals[record.currency] = (conflicts.totals[record.currency] ?? 0) + record.openMinor;
  };

  for (const [customerCode, lines] of groups) {
    const { facts } = lines;
    const owner = codeOwners.get(customerCode);
    const party = importedPartyOf(customerCode, facts, options.buyer, owner ? debtors.get(owner)?.country : undefined);
    const match = directory.find(party);
    if (match.kind === 'conflict') {
      refuse(customerCode, lines.records(), match.reason, match.key, match.debtorIds);
      continue;
    }
    let debtor: Debtor;
    if (match.kind === 'known') {
      const before = targets.get(match.debtorId)?.debtor ?? debtors.get(match.debtorId)!;
      debtor = learn(before, party, match);
      // An e-invoice's buyer address and contact fill what Kredo does not know yet; the controller's edits stay.
      if (options.buyer) {
        const filled = takeImportedMasterData(debtor, masterDataOfBuyer(options.buyer, debtor.country), 'fill');
        if (filled.taken.length > 0) debtor = filled.debtor;
      }
      if (match.by === 'identifier') identified.add({ customerCode, debtorName: facts.customerName, currency: facts.firstCurrency, debtorCustomerCode: debtor.customerCode, debtorNameInKredo: debtor.name, key: match.key }, 0);
    } else {
      let id = importedDebtorId(customerCode);
      for (let suffix = 2; directory.isIdTaken(id); suffix += 1) id = `${importedDebtorId(customerCode)}~${suffix}`;
      debtor = (!options.buyer && options.ahead?.debtorOf(id, lines)) || debtorFromImport(id, lines.records(), options.today, options.buyer, facts);
    }
    if (debtor !== debtors.get(debtor.id)) directory.add(debtor);
    debtors.set(debtor.id, debtor);
    const known = targets.get(debtor.id);
    if (!known) {
      // The first code of a debtor: its lines are one per invoice already (the parse refuses or drops a
      // repeated invoice of one customer code, normalise-open-items.ts), so they are taken as they are;
      // hashing a million invoice numbers into sets cost seconds at tier L.
      targets.set(debtor.id, { debtor, lines, records: undefined, numbers: undefined });
      continue;
    }
    known.debtor = debtor;
    const joined = (known.records ??= [...known.lines.records()]);
    const numbers = (known.numbers ??= new Set(joined.map((record) => record.invoiceNumber)));
    const records = lines.records();
    const repeated = records.filter((record) => numbers.has(record.invoiceNumber));
    if (repeated.length > 0) refuse(customerCode, repeated, 'sameInvoiceNumber', '', [debtor.id]);
    for (const record of records) {
      if (numbers.has(record.invoiceNumber)) continue;
      numbers.add(record.invoiceNumber);
      joined.push(record);
    }
  }

  return {
    targets: [...targets.values()].map(({ debtor, lines, records }) => {
      const stored = index.byId.get(debtor.id);
      return { debtor: stored ? { ...debtor, chunkId: stored.chunkId } : debtor, stored, lines: records ? linesOfRecords(debtor.customerCode, records) : lines, isUpdated: stored !== undefined && debtor !== stored };
    }),
    identified,
    conflicts,
  };
}
