import type { IsoDate } from '../../time/iso-date';
import { BUILT_IN_REFERENCE_RATES, lookupReferenceRate, rateReferenceDay, type ReferenceRate, type ReferenceRateKind, type ReferenceRateTable } from './reference-rates';

/**
 * A rate row the controller added (Settings › Interest rates, by hand or from a file). Kept in the store,
 * so it survives app updates and travels in backups; the shipped rows are code and change with updates.
 */
export interface UserRateRow {
  /** `${kind}:${validFrom}`: one row of the controller's per table and period. */
  readonly id: string;
  readonly kind: ReferenceRateKind;
  readonly validFrom: IsoDate;
  readonly rateBp: number;
  /** Where the controller found the rate ("dnb.nl, 1 July 2026"); may be empty. */
  readonly source: string;
  /** ISO 8601 instant the row was added. */
  readonly addedAt: string;
}

export const userRateRowId = (kind: ReferenceRateKind, validFrom: IsoDate): string => `${kind}:${validFrom}`;

/**
 * The table letters and payment plans use: the shipped rows and the controller's rows together. For the
 * same table and period (the same half-year, or the same Bank of England date) **the controller's row
 * wins**: it was entered on purpose, possibly to correct a shipped row marked VERIFY, and an app update
 * that ships a row for that period later must not silently overrule it. A row the controller entered is
 * theirs and counts as confirmed.
 */
export function mergeRateTables(userRows: readonly UserRateRow[], shipped: ReferenceRateTable = BUILT_IN_REFERENCE_RATES): ReferenceRateTable {
  const mine = new Set(userRows.map((row) => userRateRowId(row.kind, row.validFrom)));
  return [
    ...shipped.filter((row) => !mine.has(userRateRowId(row.kind, row.validFrom))),
    ...userRows.map((row): ReferenceRate => ({ kind: row.kind, validFrom: row.validFrom, rateBp: row.rateBp, ...(row.source && { source: row.source }) })),
  ];
}

/** One row of a table as Settings › Interest rates lists it. */
export interface RateTableRow {
  readonly kind: ReferenceRateKind;
  readonly validFrom: IsoDate;
  readonly rateBp: number;
  readonly source: string | undefined;
  readonly origin: 'shipped' | 'user';
  /** Shipped rows only: no source confirms the rate (VERIFY). */
  readonly verify: boolean;
  /** A shipped row the controller's row for the same period replaces: kept for reference, not used. */
  readonly replaced: boolean;
  /** The row a letter written today uses for a debt falling due today. */
  readonly inForce: boolean;
  /** The controller's row's id, to remove it. */
  readonly userRowId?: string;
}

/** One table's rows, newest first, saying where each comes from and which is in force `today`. */
export function rateTableRows(kind: ReferenceRateKind, userRows: readonly UserRateRow[], today: IsoDate, shipped: ReferenceRateTable = BUILT_IN_REFERENCE_RATES): RateTableRow[] {
  const merged = mergeRateTables(userRows, shipped);
  const inForce = merged.some((row) => row.kind === kind && row.validFrom <= rateReferenceDay(kind, today)) ? lookupReferenceRate(kind, rateReferenceDay(kind, today), merged).validFrom : undefined;
  const mine = userRows.filter((row) => row.kind === kind);
  const rows: RateTableRow[] = [
    ...shipped.filter((row) => row.kind === kind).map((row): RateTableRow => {
      const replaced = mine.some((user) => user.validFrom === row.validFrom);
      return { kind, validFrom: row.validFrom, rateBp: row.rateBp, source: row.source, origin: 'shipped', verify: row.verify === true, replaced, inForce: !replaced && row.validFrom === inForce };
    }),
    ...mine.map((row): RateTableRow => ({ kind, validFrom: row.validFrom, rateBp: row.rateBp, source: row.source || undefined, origin: 'user', verify: false, replaced: false, inForce: row.validFrom === inForce, userRowId: row.id })),
  ];
  // Newest first; of two rows for one period the controller's (the one used) comes first.
  return rows.sort((a, b) => b.validFrom.localeCompare(a.validFrom) || (a.origin === b.origin ? 0 : a.origin === 'user' ? -1 : 1));
}
