import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { BUILT_IN_REFERENCE_RATES } from './reference-rates';
import { staleRateTables, unconfirmedRatesInForce } from './rate-table-coverage';

describe('rate tables out of date', () => {
  it('lists each table whose last half-year has ended, with the day it ends', () => {
    // The shipped Riksbank table ends with the first half of 2026 (no source for 1 July 2026 was found).
    expect(staleRateTables(toIsoDate('2026-12-06'))).toEqual([{ kind: 'SE_REFERENSRANTA', coveredUntil: '2026-06-30' }]);
    const extended = [...BUILT_IN_REFERENCE_RATES, { kind: 'SE_REFERENSRANTA' as const, validFrom: toIsoDate('2026-07-01'), rateBp: 200 }];
    expect(staleRateTables(toIsoDate('2026-12-06'), extended)).toEqual([]);
    // In 2027 every table needs its new half-year; Bank Rate is known up to the last decision's half-year.
    expect(staleRateTables(toIsoDate('2027-01-05'), extended)).toEqual([
      { kind: 'NL_HANDELSRENTE', coveredUntil: '2026-12-31' },
      { kind: 'SE_REFERENSRANTA', coveredUntil: '2026-12-31' },
      { kind: 'UK_BASE_RATE', coveredUntil: '2026-06-30' },
      { kind: 'ECB_MRO', coveredUntil: '2026-12-31' },
    ]);
  });

  it('lists none while every table covers today', () => {
    expect(staleRateTables(toIsoDate('2026-06-30'))).toEqual([]);
  });
});

describe('unconfirmed rates in force', () => {
  it('names the rows a letter would use today that no source confirms, until the controller adds their own', () => {
    expect(unconfirmedRatesInForce(toIsoDate('2026-12-06'))).toEqual([
      { kind: 'NL_HANDELSRENTE', validFrom: '2026-07-01', rateBp: 1040 },
      { kind: 'ECB_MRO', validFrom: '2026-07-01', rateBp: 240 },
    ]);
    const confirmed = [...BUILT_IN_REFERENCE_RATES, { kind: 'NL_HANDELSRENTE' as const, validFrom: toIsoDate('2026-07-01'), rateBp: 1040 }];
    expect(unconfirmedRatesInForce(toIsoDate('2026-12-06'), confirmed).map((rate) => rate.kind)).toEqual(['ECB_MRO']);
    expect(unconfirmedRatesInForce(toIsoDate('2026-03-01'))).toEqual([]);
  });
});
