import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { mergeRateTables, rateTableRows, type UserRateRow } from './rate-table-merge';
import { BUILT_IN_REFERENCE_RATES, lookupReferenceRate } from './reference-rates';

const d = toIsoDate;
const mine = (kind: UserRateRow['kind'], validFrom: string, rateBp: number): UserRateRow => ({ id: `${kind}:${validFrom}`, kind, validFrom: d(validFrom), rateBp, source: 'dnb.nl', addedAt: '2026-12-06T09:00:00Z' });

describe('the shipped rows and the controller’s', () => {
  it('uses the controller’s row over the shipped row for the same period, and adds new periods', () => {
    const table = mergeRateTables([mine('NL_HANDELSRENTE', '2026-07-01', 1065), mine('SE_REFERENSRANTA', '2026-07-01', 250)]);
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2026-09-01'), table)).toMatchObject({ rateBp: 1065, isStale: false });
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2026-09-01'), table).verify).toBeUndefined();
    expect(lookupReferenceRate('SE_REFERENSRANTA', d('2026-09-01'), table)).toMatchObject({ rateBp: 250, isStale: false });
    expect(table.filter((row) => row.kind === 'NL_HANDELSRENTE' && row.validFrom === '2026-07-01')).toHaveLength(1);
    expect(table).toHaveLength(BUILT_IN_REFERENCE_RATES.length + 1);
  });

  it('keeps the controller’s row when an update ships a row for the same period', () => {
    const update = [...BUILT_IN_REFERENCE_RATES, { kind: 'SE_REFERENSRANTA' as const, validFrom: d('2026-07-01'), rateBp: 200 }];
    expect(lookupReferenceRate('SE_REFERENSRANTA', d('2026-09-01'), mergeRateTables([mine('SE_REFERENSRANTA', '2026-07-01', 250)], update)).rateBp).toBe(250);
    expect(lookupReferenceRate('SE_REFERENSRANTA', d('2026-09-01'), mergeRateTables([], update)).rateBp).toBe(200);
  });

  it('lists a table newest first, saying which row is in force, which is the controller’s, unconfirmed or replaced', () => {
    const rows = rateTableRows('NL_HANDELSRENTE', [mine('NL_HANDELSRENTE', '2026-07-01', 1065)], d('2026-12-06'));
    expect(rows.slice(0, 3).map(({ validFrom, rateBp, origin, inForce, verify, replaced }) => ({ validFrom, rateBp, origin, inForce, verify, replaced }))).toEqual([
      { validFrom: '2026-07-01', rateBp: 1065, origin: 'user', inForce: true, verify: false, replaced: false },
      { validFrom: '2026-07-01', rateBp: 1040, origin: 'shipped', inForce: false, verify: true, replaced: true },
      { validFrom: '2026-01-01', rateBp: 1015, origin: 'shipped', inForce: false, verify: false, replaced: false },
    ]);
    expect(rows[0]!.userRowId).toBe('NL_HANDELSRENTE:2026-07-01');
    // The Bank of England's rate in force for a letter written today is Bank Rate on 30 June.
    const uk = rateTableRows('UK_BASE_RATE', [mine('UK_BASE_RATE', '2026-08-06', 400)], d('2026-12-06'));
    expect(uk.filter((row) => row.inForce).map((row) => row.validFrom)).toEqual(['2026-06-18']);
  });
});
