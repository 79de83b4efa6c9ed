import { toDayNumber, type IsoDate } from '../../time/iso-date';
import type { LedgerChunkNumbers } from '../ledger/ledger-chunk';
import { ageChunk } from './age-chunk';
import { ageingBuckets, type AgeingConfig } from './ageing-config';
import { AgeingTable } from './ageing-table';

/**
 * How to group an ageing: the whole portfolio, each debtor or each country. Currency is always a
 * dimension of the table (amounts in different currencies are never added), so "per currency" is the
 * portfolio grouping read currency by currency.
 */
export type AgeingGrouping = 'portfolio' | 'debtor' | 'country';

export interface PortfolioAgeing {
  readonly table: AgeingTable;
  /** What each group of the table is: a debtor id, a country code, or 'portfolio'. */
  readonly groups: readonly string[];
}

/** Ages every chunk's receivables as they stood on `asOf`, grouped as asked. */
export function agePortfolio(chunks: Iterable<LedgerChunkNumbers>, options: { asOf: IsoDate; config: AgeingConfig; grouping: AgeingGrouping }): PortfolioAgeing {
  const list = [...chunks];
  const currencies = [...new Set(list.flatMap((chunk) => chunk.currencies))].sort();
  const groups: string[] = options.grouping === 'portfolio' ? ['portfolio'] : [];
  const groupIndex = new Map<string, number>(groups.map((group, index) => [group, index]));
  const indexOf = (key: string) => {
    let index = groupIndex.get(key);
    if (index === undefined) {
      index = groups.push(key) - 1;
      groupIndex.set(key, index);
    }
    return index;
  };
  const groupings = list.map((chunk) => ({
    groupOfSlot: Int32Array.from(chunk.debtorIds, (id, slot) =>
      options.grouping === 'portfolio' ? 0 : indexOf(options.grouping === 'debtor' ? id : chunk.debtorCountries[slot]!),
    ),
    tableCurrencyOf: Int32Array.from(chunk.currencies, (code) => currencies.indexOf(code)),
  }));
  const table = new AgeingTable(groups.length, currencies, ageingBuckets(options.config).length);
  const asOfDay = toDayNumber(options.asOf);
  list.forEach((chunk, index) => ageChunk(chunk, asOfDay, options.config, groupings[index]!, table));
  return { table, groups };
}
