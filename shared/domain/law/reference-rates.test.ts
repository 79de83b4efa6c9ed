import { describe, expect, it } from 'vitest';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import builtInTable, { BUILT_IN_REFERENCE_RATES, isHalfYearKind, lookupReferenceRate, rateReferenceDay, type ReferenceRateTable } from './reference-rates';

const d = (text: string): IsoDate => toIsoDate(text);

describe('lookupReferenceRate', () => {
  it('finds the rate of the half-year a date falls in', () => {
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2024-06-30')).rateBp).toBe(1250);
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2024-07-01')).rateBp).toBe(1225);
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2020-05-05'))).toMatchObject({ rateBp: 800, validFrom: '2016-07-01', isStale: false });
    expect(lookupReferenceRate('SE_REFERENSRANTA', d('2019-03-01')).rateBp).toBe(-50);
    expect(lookupReferenceRate('NL_WETTELIJKE_RENTE', d('2024-12-31')).rateBp).toBe(700);
  });

  it('keeps the last rate after the table ends, but says the table is stale and since when', () => {
    // The built-in Dutch table ends with the second half of 2026; the Riksbank's with the first.
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2026-12-31'))).toMatchObject({ rateBp: 1040, isStale: false, coveredUntil: '2026-12-31' });
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2027-03-01'))).toEqual({
      kind: 'NL_HANDELSRENTE',
      rateBp: 1040,
      validFrom: '2026-07-01',
      coveredUntil: '2026-12-31',
      isStale: true,
      verify: true,
    });
    expect(lookupReferenceRate('SE_REFERENSRANTA', d('2026-11-24'))).toMatchObject({ rateBp: 200, validFrom: '2026-01-01', coveredUntil: '2026-06-30', isStale: true });
    for (const kind of ['NL_WETTELIJKE_RENTE', 'SE_REFERENSRANTA', 'UK_BASE_RATE', 'ECB_MRO'] as const) {
      expect(lookupReferenceRate(kind, d('2027-01-01')).isStale).toBe(true);
    }
  });

  it('takes a user-extended table, in any order, where a later row for the same date wins', () => {
    const extended: ReferenceRateTable = [
      { kind: 'NL_HANDELSRENTE', validFrom: d('2027-01-01'), rateBp: 1000 },
      ...BUILT_IN_REFERENCE_RATES,
      { kind: 'NL_HANDELSRENTE', validFrom: d('2027-01-01'), rateBp: 1040 },
    ];
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2027-03-01'), extended)).toMatchObject({ rateBp: 1040, isStale: false, coveredUntil: '2027-06-30' });
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2027-11-24'), extended).isStale).toBe(true);
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2026-08-01'), extended).rateBp).toBe(1040);
  });

  it('refuses to invent a rate before the table starts, for a missing kind or for fractional basis points', () => {
    expect(() => lookupReferenceRate('NL_HANDELSRENTE', d('2012-12-31'))).toThrow(/2013-01-01/);
    expect(() => lookupReferenceRate('ECB_MRO', d('2025-01-01'), [])).toThrow(RangeError);
    expect(() => lookupReferenceRate('ECB_MRO', d('2025-01-01'), [{ kind: 'ECB_MRO', validFrom: d('2025-01-01'), rateBp: 3.15 }])).toThrow(RangeError);
  });
});

describe('the built-in table', () => {
  it('is the default export', () => {
    expect(builtInTable).toBe(BUILT_IN_REFERENCE_RATES);
  });

  it('keys every Dutch, Swedish and ECB row on 1 January or 1 July, as those laws fix the rate per half-year', () => {
    for (const rate of BUILT_IN_REFERENCE_RATES.filter((row) => isHalfYearKind(row.kind))) expect(rate.validFrom.slice(5)).toMatch(/^(01|07)-01$/);
  });

  it('names a source for every row, and marks the rows no retrieved source confirms', () => {
    expect(BUILT_IN_REFERENCE_RATES.every((row) => (row.source ?? '').length > 0)).toBe(true);
    const unconfirmed = BUILT_IN_REFERENCE_RATES.filter((row) => row.verify).map((row) => `${row.kind} ${row.validFrom}`);
    expect(unconfirmed).toContain('NL_HANDELSRENTE 2026-07-01');
    expect(unconfirmed).toContain('ECB_MRO 2026-07-01');
    expect(unconfirmed).not.toContain('NL_HANDELSRENTE 2026-01-01');
    expect(unconfirmed).not.toContain('UK_BASE_RATE 2025-12-18');
  });

  it('has the handelsrente equal to the ECB rate plus 8 points in every half-year since the +8 margin (BW 6:120 lid 2)', () => {
    // Until 16 March 2013 the old Directive's margin was 7 points: 0.75 + 7 = 7.75 from 1 January 2013.
    expect(lookupReferenceRate('NL_HANDELSRENTE', d('2013-01-01')).rateBp).toBe(lookupReferenceRate('ECB_MRO', d('2013-01-01')).rateBp + 700);
    for (let year = 2013; year <= 2026; year++) {
      for (const start of year === 2013 ? ['2013-07-01'] : [`${year}-01-01`, `${year}-07-01`]) {
        const handelsrente = lookupReferenceRate('NL_HANDELSRENTE', d(start)).rateBp;
        expect(handelsrente, start).toBe(lookupReferenceRate('ECB_MRO', d(start)).rateBp + 800);
      }
    }
  });

  it('gives the UK statutory rates of the reference table (Bank Rate on 31 December / 30 June before the half-year + 8)', () => {
    const statutory = ['2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01', '2026-07-01']
      .map((start) => lookupReferenceRate('UK_BASE_RATE', rateReferenceDay('UK_BASE_RATE', d(start))).rateBp + 800);
    expect(statutory).toEqual([825, 925, 1150, 1300, 1325, 1325, 1275, 1225, 1175, 1175]);
  });

  it('takes the Bank of England rate in force the day before the half-year, so a change on 1 July counts only from January', () => {
    const changedOnFirstJuly: ReferenceRateTable = [...BUILT_IN_REFERENCE_RATES, { kind: 'UK_BASE_RATE', validFrom: d('2026-07-01'), rateBp: 450 }];
    expect(rateReferenceDay('UK_BASE_RATE', d('2026-09-15'))).toBe('2026-06-30');
    expect(lookupReferenceRate('UK_BASE_RATE', rateReferenceDay('UK_BASE_RATE', d('2026-09-15')), changedOnFirstJuly).rateBp).toBe(375);
    expect(lookupReferenceRate('UK_BASE_RATE', rateReferenceDay('UK_BASE_RATE', d('2027-01-15')), changedOnFirstJuly).rateBp).toBe(450);
    expect(rateReferenceDay('ECB_MRO', d('2026-09-15'))).toBe('2026-07-01');
  });
});
