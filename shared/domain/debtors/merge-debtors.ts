import { coverInForce } from '../../sync/insurer-cover';
import { keyOfIdentifier } from '../identifiers/company-keys';
import type { IdentifierType } from '../identifiers/identifier-type';
import { itemId, type DebtorLedger, type LedgerItem } from '../ledger/ledger-types';
import type { CreditLimit } from '../limits/credit-limit';
import { NO_ALIASES, type Debtor, type DebtorAliases } from './debtor';
import { keysOfDebtor } from './debtor-directory';

/** What the controller should know before confirming a merge; none of these stops it. */
export type MergeWarning =
  /**
   * Both have an insurer limit: both are kept (the merged buyer's as another cover of the survivor's, its
   * insurer buyer id among the survivor's aliases) and the one in force counts — two covers of one company do
   * not add up, so the insurer should be asked to merge its buyer records too.
   */
  | { readonly kind: 'bothInsured'; readonly survivorCoverId: string; readonly mergedCoverId: string; readonly inForceCoverId: string; readonly survivorAmountMinor: number; readonly mergedAmountMinor: number; readonly currency: string }
  /** Both have a discretionary limit: the survivor's stays, the other one lapses. */
  | { readonly kind: 'discretionaryLapses'; readonly amountMinor: number; readonly currency: string }
  /** The two have different numbers of the same kind (another KvK number): kept as aliases, but worth checking. */
  | { readonly kind: 'identifiersDiffer'; readonly survivorValue: string; readonly mergedValue: string; readonly type: IdentifierType }
  /** The same invoice on both (imported twice, from two sources): kept once. */
  | { readonly kind: 'duplicateInvoices'; readonly numbers: readonly string[] };

export interface DebtorMergeInput {
  readonly survivor: Debtor;
  readonly merged: Debtor;
  readonly survivorLedger: DebtorLedger;
  readonly mergedLedger: DebtorLedger;
  readonly survivorLimits: readonly CreditLimit[];
  readonly mergedLimits: readonly CreditLimit[];
}

export interface DebtorMergePlan {
  readonly debtor: Debtor;
  readonly ledger: DebtorLedger;
  readonly limits: readonly CreditLimit[];
  /** The merged debtor's item ids and what they are on the survivor (records elsewhere name items by id). */
  readonly itemIds: ReadonlyMap<string, string>;
  /** Invoice numbers both debtors hold with different contents: one ledger cannot hold both, so no merge. */
  readonly conflictingNumbers: readonly string[];
  readonly warnings: readonly MergeWarning[];
  readonly counts: { readonly items: number; readonly payments: number; readonly limits: number };
}

const isSameDocument = (a: LedgerItem, b: LedgerItem) =>
  a.kind === b.kind && a.currency === b.currency && a.amountMinor === b.amountMinor && a.invoiceDate === b.invoiceDate && a.dueDate === b.dueDate;

/**
 * The ledgers as one, on the survivor. An invoice number unique per debtor is the ledger's key, so an item
 * of the merged debtor whose number the survivor also has is either the same document imported twice (same
 * kind, currency, amount and dates, nothing applied to the merged copy: the survivor's copy stays) or a
 * different one (a conflict the controller must sort out in the ERP: no merge).
 */
function mergeLedgers(survivorId: string, survivor: DebtorLedger, merged: DebtorLedger) {
  const byNumber = new Map(survivor.items.map((item) => [item.number, item]));
  const applied = new Set(merged.allocations.flatMap((allocation) => [allocation.itemId, ...(allocation.source.kind === 'credit-note' ? [allocation.source.itemId] : [])]));
  const itemIds = new Map<string, string>();
  const items: LedgerItem[] = [];
  const duplicates: string[] = [];
  const conflicting: string[] = [];
  for (const item of merged.items) {
    const twin = byNumber.get(item.number);
    if (twin && isSameDocument(twin, item) && item.openMinor === item.amountMinor && !applied.has(item.id)) {
      duplicates.push(item.number);
      itemIds.set(item.id, twin.id);
    } else if (twin) {
      conflicting.push(item.number);
    } else {
      const id = itemId(survivorId, item.number);
      itemIds.set(item.id, id);
      items.push({ ...item, id, debtorId: survivorId });
    }
  }
  const moved = (id: string) => itemIds.get(id) ?? id;
  const ledger: DebtorLedger = {
    debtorId: survivorId,
    items: [...survivor.items, ...items],
    payments: [...survivor.payments, ...merged.payments.map((payment) => ({ ...payment, debtorId: survivorId }))],
    allocations: [
      ...survivor.allocations,
      ...merged.allocations.map((allocation) => ({ ...allocation, itemId: moved(allocation.itemId), source: allocation.source.kind === 'credit-note' ? { kind: 'credit-note' as const, itemId: moved(allocation.source.itemId) } : allocation.source })),
    ],
  };
  return { ledger, itemIds, duplicates, conflicting, movedItems: items.length };
}

/** The limits on the survivor: see MergeWarning for what happens when both have one of a kind. */
function mergeLimits(survivorId: string, survivorLimits: readonly CreditLimit[], mergedLimits: readonly CreditLimit[], warnings: MergeWarning[]): CreditLimit[] {
  const moved = mergedLimits.map((limit) => ({ ...limit, debtorId: survivorId, ...(limit.otherCovers && { otherCovers: limit.otherCovers.map((cover) => ({ ...cover, debtorId: survivorId })) }) }));
  const result = [...survivorLimits];
  for (const limit of moved) {
    const index = result.findIndex((own) => own.source === limit.source);
    const own = result[index];
    if (!own) {
      result.push(limit);
    } else if (limit.source === 'discretionary') {
      warnings.push({ kind: 'discretionaryLapses', amountMinor: limit.decidedAmountMinor, currency: limit.currency });
    } else if (limit.source === 'internal') {
      // The survivor's internal limit stays, like its discretionary one: the company decided it for that debtor.
      continue;
    } else {
      // Every cover of either buyer is kept; which one is in force is the same rule the sync applies.
      const strip = ({ otherCovers: _others, history: _history, ...cover }: CreditLimit): CreditLimit => ({ ...cover, history: [] });
      const covers = [strip(own), ...(own.otherCovers ?? []), strip(limit), ...(limit.otherCovers ?? [])];
      const chosen = coverInForce(covers)!;
      const history = [...own.history, ...limit.history].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      const others = covers.filter((cover) => cover !== chosen);
      result[index] = { ...chosen, history, ...(others.length > 0 && { otherCovers: others }) };
      warnings.push({ kind: 'bothInsured', survivorCoverId: own.coverId ?? '', mergedCoverId: limit.coverId ?? '', inForceCoverId: chosen.coverId ?? '', survivorAmountMinor: own.decidedAmountMinor, mergedAmountMinor: limit.decidedAmountMinor, currency: limit.currency });
    }
  }
  return result;
}

const union = <T>(base: readonly T[], added: readonly T[], isSame: (a: T, b: T) => boolean = (a, b) => a === b): T[] =>
  added.reduce<T[]>((list, value) => (list.some((known) => isSame(known, value)) ? list : [...list, value]), [...base]);

/** The survivor's record, with the merged debtor's codes, identifiers, id, insurer buyer id and name among its aliases. */
function mergeRecords(survivor: Debtor, merged: Debtor, warnings: MergeWarning[]): Debtor {
  const own = survivor.aliases ?? NO_ALIASES;
  const other = merged.aliases ?? NO_ALIASES;
  const keys = keysOfDebtor(survivor);
  const newIdentifiers = [...merged.identifiers, ...other.identifiers].filter((identifier) => !keys.has(keyOfIdentifier(identifier)));
  for (const identifier of newIdentifiers) {
    const differing = survivor.identifiers.find((candidate) => candidate.type === identifier.type);
    if (differing) warnings.push({ kind: 'identifiersDiffer', type: identifier.type, survivorValue: differing.value, mergedValue: identifier.value });
  }
  const buyerIds = [merged.insurerBuyerId, ...other.insurerBuyerIds].filter((id): id is string => Boolean(id) && id !== survivor.insurerBuyerId);
  const insurerBuyerId = survivor.insurerBuyerId ?? buyerIds.shift();
  const aliases: DebtorAliases = {
    customerCodes: union(own.customerCodes, [merged.customerCode, ...other.customerCodes]).filter((code) => code !== survivor.customerCode),
    identifiers: union(own.identifiers, newIdentifiers, (a, b) => keyOfIdentifier(a) === keyOfIdentifier(b)),
    partyKeys: union(own.partyKeys, other.partyKeys),
    debtorIds: union(own.debtorIds, [merged.id, ...other.debtorIds]),
    insurerBuyerIds: union(own.insurerBuyerIds, buyerIds),
    names: union(own.names, [merged.name, ...other.names]).filter((name) => name !== survivor.name),
  };
  const contacts = union(survivor.contacts, merged.contacts.map((contact) => ({ ...contact, isPrimary: contact.isPrimary && !survivor.contacts.some((known) => known.isPrimary) })), (a, b) => a.name === b.name && a.email === b.email && a.phone === b.phone);
  const address = survivor.address ?? merged.address;
  const grade = survivor.grade ?? merged.grade;
  return { ...survivor, contacts, aliases, ...(insurerBuyerId && { insurerBuyerId }), ...(address && { address }), ...(grade && { grade }) };
}

/**
 * Two debtors that are one company, as one: the survivor keeps its id, code, name and settings; the merged
 * debtor's ledger, limits, contacts and what it was known by follow. Pure: the store applies the plan to
 * its records (renderer/src/data/store/merge-debtors.ts) in one transaction.
 */
export function planDebtorMerge(input: DebtorMergeInput): DebtorMergePlan {
  const warnings: MergeWarning[] = [];
  const ledger = mergeLedgers(input.survivor.id, input.survivorLedger, input.mergedLedger);
  const limits = mergeLimits(input.survivor.id, input.survivorLimits, input.mergedLimits, warnings);
  const debtor = mergeRecords(input.survivor, input.merged, warnings);
  if (ledger.duplicates.length > 0) warnings.push({ kind: 'duplicateInvoices', numbers: ledger.duplicates });
  return {
    debtor,
    ledger: ledger.ledger,
    limits,
    itemIds: ledger.itemIds,
    conflictingNumbers: ledger.conflicting,
    warnings,
    counts: { items: ledger.movedItems, payments: input.mergedLedger.payments.length, limits: input.mergedLimits.length },
  };
}
