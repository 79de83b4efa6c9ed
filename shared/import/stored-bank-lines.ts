import { amountKeyOf, groupAmountKeyOf } from './bank-line-id';

/**
 * The ids of the bank lines Kredo has stored (booked payments, lines waiting for review), grouped by what
 * KnownBankLines looks a new line up by: its amount key, its group's amount key, or none (a legacy id).
 * Grouping reads every stored id once (half a million at tier L, ~80 ms in Chromium); a bank import does
 * it while the main process still analyses the file (issue 14), so that the lines of the file are then
 * looked up only among the stored lines of their own amounts. Each group keeps the ids in the order added.
 */
export class StoredBankLines {
  /** Ids without an amount key, stored before ids carried their identity. */
  readonly legacy: string[] = [];
  /** Ids by their amount key (an empty key included: such an id can still be found by itself). */
  readonly byAmountKey = new Map<string, string[]>();
  readonly byGroupAmountKey = new Map<string, string[]>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  add(id: string): void {
    const amountKey = amountKeyOf(id);
    if (amountKey === undefined) {
      this.legacy.push(id);
      return;
    }
    push(this.byAmountKey, amountKey, id);
    const groupKey = groupAmountKeyOf(id);
    if (groupKey !== undefined) push(this.byGroupAmountKey, groupKey, id);
  }
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
