import { describe, expect, it } from 'vitest';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import {
  defaultAnniversary,
  earlierDate,
  halfYearEnd,
  halfYearStart,
  isDefaultAnniversary,
  laterDate,
  nextDefaultAnniversary,
  nextHalfYearStart,
} from './law-calendar';

const d = (text: string): IsoDate => toIsoDate(text);

describe('half-years', () => {
  it('splits the year on 1 January and 1 July', () => {
    expect(halfYearStart(d('2025-06-30'))).toBe('2025-01-01');
    expect(halfYearStart(d('2025-07-01'))).toBe('2025-07-01');
    expect(halfYearEnd(d('2025-01-01'))).toBe('2025-06-30');
    expect(halfYearEnd(d('2025-12-31'))).toBe('2025-12-31');
    expect(nextHalfYearStart(d('2025-03-15'))).toBe('2025-07-01');
    expect(nextHalfYearStart(d('2025-07-01'))).toBe('2026-01-01');
  });
});

describe('anniversaries of the default start', () => {
  it('counts years from the first day of default, not calendar years', () => {
    expect(defaultAnniversary(d('2024-03-15'), 1)).toBe('2025-03-15');
    expect(nextDefaultAnniversary(d('2024-03-15'), d('2024-03-15'))).toBe('2025-03-15');
    expect(nextDefaultAnniversary(d('2024-03-15'), d('2025-03-14'))).toBe('2025-03-15');
    expect(nextDefaultAnniversary(d('2024-03-15'), d('2025-03-15'))).toBe('2026-03-15');
    expect(nextDefaultAnniversary(d('2024-03-15'), d('2023-01-01'))).toBe('2025-03-15');
    expect(isDefaultAnniversary(d('2024-03-15'), d('2026-03-15'))).toBe(true);
    expect(isDefaultAnniversary(d('2024-03-15'), d('2024-03-15'))).toBe(false);
    expect(isDefaultAnniversary(d('2024-03-15'), d('2026-03-16'))).toBe(false);
  });

  it('completes a year that starts on 29 February at the end of 28 February', () => {
    expect(defaultAnniversary(d('2024-02-29'), 1)).toBe('2025-03-01');
    expect(defaultAnniversary(d('2024-02-29'), 4)).toBe('2028-02-29');
    expect(() => defaultAnniversary(d('2024-02-29'), -1)).toThrow(RangeError);
  });

  it('picks the earlier and later of two dates', () => {
    expect(earlierDate(d('2025-01-02'), d('2024-12-31'))).toBe('2024-12-31');
    expect(laterDate(d('2025-01-02'), d('2024-12-31'))).toBe('2025-01-02');
  });
});
