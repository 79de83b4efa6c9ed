import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { mergeRateTables, type UserRateRow } from './rate-table-merge';
import { parseRatePercent, validateRateRow, type RateRowInput } from './rate-row-validation';

const today = toIsoDate('2026-12-06');
const check = (input: Partial<RateRowInput>, userRows: readonly UserRateRow[] = []) =>
  validateRateRow({ kind: 'NL_HANDELSRENTE', validFrom: '2027-01-01', rate: '10,40', source: 'dnb.nl', confirmed: false, ...input }, { today, table: mergeRateTables(userRows), userRows, at: '2026-12-06T09:00:00Z' });
const problems = (input: Partial<RateRowInput>, userRows: readonly UserRateRow[] = []) => {
  const result = check(input, userRows);
  return result.ok ? [] : result.errors.map((error) => [error.field, error.code]);
};

describe('a rate row as typed', () => {
  it('reads a rate in percent with a comma or a point, at most two decimals', () => {
    expect(parseRatePercent('10,40')).toEqual({ bp: 1040 });
    expect(parseRatePercent(' 3.75 % ')).toEqual({ bp: 375 });
    expect(parseRatePercent('-0,5')).toEqual({ bp: -50 });
    expect(parseRatePercent('10.405')).toEqual({ problem: 'tooPrecise' });
    expect(parseRatePercent('1.040,00')).toEqual({ problem: 'notANumber' });
  });

  it('stores a plausible row for the coming half-year, with its source', () => {
    expect(check({})).toEqual({ ok: true, value: { id: 'NL_HANDELSRENTE:2027-01-01', kind: 'NL_HANDELSRENTE', validFrom: '2027-01-01', rateBp: 1040, source: 'dnb.nl', addedAt: '2026-12-06T09:00:00Z' } });
    expect(check({ kind: 'UK_BASE_RATE', validFrom: '2026-08-06', rate: '4' })).toMatchObject({ ok: true, value: { rateBp: 400 } });
  });

  it('refuses a negative or implausible rate, naming the bound', () => {
    expect(problems({ rate: '-1' })).toEqual([['rate', 'belowMinimum']]);
    expect(problems({ kind: 'UK_BASE_RATE', validFrom: '2026-08-06', rate: '-0,10' })).toEqual([['rate', 'belowMinimum']]);
    expect(problems({ rate: '104' })).toEqual([['rate', 'aboveMaximum']]);
    expect(problems({ rate: 'tien' })).toEqual([['rate', 'notANumber']]);
    expect(problems({ rate: '' })).toEqual([['rate', 'required']]);
    // The Riksbank's reference rate has been negative: −0.50 % is plausible there.
    expect(problems({ kind: 'SE_REFERENSRANTA', validFrom: '2026-07-01', rate: '-0,50', confirmed: true })).toEqual([]);
  });

  it('asks for confirmation of a jump of more than 2 percentage points from the rate in force before', () => {
    const jump = check({ rate: '13,00' });
    expect(jump.ok).toBe(false);
    expect(!jump.ok && jump.errors[0]).toMatchObject({ field: 'rate', code: 'largeJump', params: { previous: 1040, from: '2026-07-01', change: 260 } });
    expect(check({ rate: '12,40' }).ok).toBe(true);
    expect(check({ rate: '13,00', confirmed: true }).ok).toBe(true);
  });

  it('keeps the half-year dates the law fixes, the table’s start, today’s horizon and one row per period', () => {
    expect(problems({ validFrom: '2026-12-01' })).toEqual([['validFrom', 'notHalfYearStart']]);
    expect(problems({ validFrom: '2012-07-01' })).toEqual([['validFrom', 'beforeTableStart']]);
    expect(problems({ validFrom: '2027-07-01' })).toEqual([['validFrom', 'tooFarAhead']]);
    expect(problems({ kind: 'UK_BASE_RATE', validFrom: '2026-12-07', rate: '3,75' })).toEqual([['validFrom', 'tooFarAhead']]);
    expect(problems({ validFrom: '2027-02-30' })).toEqual([['validFrom', 'invalidDate']]);
    const first = check({});
    expect(problems({}, first.ok ? [first.value] : [])).toEqual([['validFrom', 'overlap']]);
    expect(problems({ kind: 'NL_WETTELIJKE_RENTE' })).toEqual([['kind', 'unknownTable']]);
  });

  it('names every problem at once', () => {
    expect(problems({ validFrom: '2026-12-01', rate: '-3', source: 'x'.repeat(201) })).toEqual([['validFrom', 'notHalfYearStart'], ['rate', 'belowMinimum'], ['source', 'tooLong']]);
  });
});
