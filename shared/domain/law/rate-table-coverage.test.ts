import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { BUILT_IN_REFERENCE_RATES } from './reference-rates';
import { staleRateTables } from './rate-table-coverage';

describe('rate tables out of date', () => {
  it('lists each table whose last half-year has ended, with the day it ends', () => {
    const extended = [...BUILT_IN_REFERENCE_RATES, { kind: 'NL_HANDELSRENTE' as const, validFrom: toIsoDate('2026-07-01'), rateBp: 1015 }];
    expect(staleRateTables(toIsoDate('2026-11-24'), extended)).toEqual([
      { kind: 'SE_REFERENSRANTA', coveredUntil: '2025-12-31' },
      { kind: 'UK_BASE_RATE', coveredUntil: '2025-12-31' },
      { kind: 'ECB_MRO', coveredUntil: '2025-12-31' },
    ]);
  });

  it('lists none while every table covers today', () => {
    expect(staleRateTables(toIsoDate('2025-12-31'))).toEqual([]);
  });
});
