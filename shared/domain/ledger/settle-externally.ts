import type { IsoDate } from '../../time/iso-date';
import type { DebtorLedger, LedgerAllocation } from './ledger-types';

export interface ExternalSettlement {
  readonly itemId: string;
  /** The open amount the ERP now shows (0 when it is closed). */
  readonly openMinor: number;
}

/** Whether moving an item's open amount from `from` to `to` is a settlement (towards zero, not past it). */
export function isSettlement(from: number, to: number): boolean {
  return from > 0 ? to >= 0 && to < from : from < 0 ? to <= 0 && to > from : false;
}

/**
 * Books what was settled outside Kredo: the ERP's open-items export shows an invoice or credit note
 * closer to zero than Kredo has it (the customer paid and the ERP booked it, or a credit note was used
 * there). Each change becomes an allocation from source `external`, dated the day of the import, so that
 * ageing as of an earlier day still sees the item open (open-as-of.ts) and nothing is rewritten in the past.
 * Moving away from zero is refused: that is a difference to show the controller, not to copy.
 */
export function settleExternally(ledger: DebtorLedger, settlements: readonly ExternalSettlement[], date: IsoDate): DebtorLedger {
  if (settlements.length === 0) return ledger;
  const wanted = new Map(settlements.map((settlement) => [settlement.itemId, settlement.openMinor]));
  const allocations: LedgerAllocation[] = [];
  const items = ledger.items.map((item) => {
    const openMinor = wanted.get(item.id);
    if (openMinor === undefined) return item;
    wanted.delete(item.id);
    if (!Number.isSafeInteger(openMinor) || !isSettlement(item.openMinor, openMinor)) {
      throw new RangeError(`${item.id}: ${item.openMinor} → ${openMinor} is not a settlement`);
    }
    allocations.push({ itemId: item.id, source: { kind: 'external' }, amountMinor: item.openMinor - openMinor, date });
    return { ...item, openMinor };
  });
  if (wanted.size > 0) throw new RangeError(`Not on ledger ${ledger.debtorId}: ${[...wanted.keys()].join(', ')}`);
  return { ...ledger, items, allocations: [...ledger.allocations, ...allocations] };
}
