import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock';
import { addDays, addMonths, fromDayNumber, isIsoDate, isoDateToUtcMs, toDayNumber, toIsoDate, utcMsToIsoDate } from './iso-date';

describe('IsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('01-03-2026')).toBe(false);
    expect(() => toIsoDate('31/12/2026')).toThrow(RangeError);
  });

  it('round-trips through UTC milliseconds', () => {
    const date = toIsoDate('2026-11-24');
    expect(utcMsToIsoDate(isoDateToUtcMs(date))).toBe('2026-11-24');
    expect(isoDateToUtcMs(toIsoDate('2026-11-25')) - isoDateToUtcMs(date)).toBe(86_400_000);
  });
});

describe('fixedClock', () => {
  it('always answers the same instant and date', () => {
    const clock = fixedClock('2026-11-24T23:30:00Z');
    expect(clock.today()).toBe('2026-11-24');
    expect(clock.now().toISOString()).toBe('2026-11-24T23:30:00.000Z');
    expect(() => fixedClock('yesterday')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month, and ends short months on their last day', () => {
    expect(addMonths(toIsoDate('2026-11-24'), 1)).toBe('2026-12-24');
    expect(addMonths(toIsoDate('2026-11-24'), 3)).toBe('2027-02-24');
    expect(addMonths(toIsoDate('2027-01-31'), 1)).toBe('2027-02-28');
    expect(addMonths(toIsoDate('2028-01-31'), 1)).toBe('2028-02-29');
    expect(addMonths(toIsoDate('2026-03-31'), -1)).toBe('2026-02-28');
  });
});

describe('day numbers', () => {
  it('convert the same way the first time and every time after, inside and outside the remembered years', () => {
    for (const date of ['1949-12-31', '1950-01-01', '1970-01-01', '2024-02-29', '2026-11-24', '2099-12-31', '2100-01-01', '2400-02-29'] as const) {
      const day = isoDateToUtcMs(toIsoDate(date)) / 86_400_000;
      for (let time = 0; time < 3; time += 1) {
        expect(toDayNumber(toIsoDate(date))).toBe(day);
        expect(fromDayNumber(day)).toBe(date);
      }
    }
    expect(addDays(toIsoDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(toIsoDate('2099-12-31'), 1)).toBe('2100-01-01');
    expect(fromDayNumber(-7306)).toBe('1949-12-31');
  });
});
