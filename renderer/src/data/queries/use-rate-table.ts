import { useLiveQuery } from 'dexie-react-hooks';
import { mergeRateTables, type UserRateRow } from '../../../../shared/domain/law/rate-table-merge';
import type { ReferenceRateTable } from '../../../../shared/domain/law/reference-rates';
import { uiDb } from './ui-db';

/**
 * The statutory-interest table in force — the shipped rows and the controller's (Settings › Interest
 * rates) — read live, so a row just added changes the Dunning note and a payment plan's figures at once.
 * Undefined while it loads.
 */
export function useRateTable(): { readonly userRows: readonly UserRateRow[]; readonly table: ReferenceRateTable } | undefined {
  return useLiveQuery(async () => {
    const userRows = await uiDb.interestRates.toArray();
    return { userRows, table: mergeRateTables(userRows) };
  }, []);
}
