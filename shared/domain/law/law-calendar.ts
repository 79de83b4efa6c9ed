import { addDays, toIsoDate, type IsoDate } from '../../time/iso-date';

/**
 * The calendar of late-payment law. Every reference rate here is fixed per calendar half-year
 * (1 January–30 June, 1 July–31 December), and Dutch interest is capitalised on each anniversary of
 * the first day of default. Dates are compared as `YYYY-MM-DD` strings, which sort like the days.
 */

/** 1 January or 1 July of the half-year that contains `date`. */
export function halfYearStart(date: IsoDate): IsoDate {
  const month = Number(date.slice(5, 7));
  return toIsoDate(`${date.slice(0, 4)}-${month <= 6 ? '01' : '07'}-01`);
}

/** The first day of the half-year after the one that contains `date`. */
export function nextHalfYearStart(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) <= 6 ? isoDate(year, 7, 1) : isoDate(year + 1, 1, 1);
}

/** 30 June or 31 December of the half-year that contains `date`. */
export function halfYearEnd(date: IsoDate): IsoDate {
  return addDays(nextHalfYearStart(date), -1);
}

/**
 * The `years`-th anniversary of the first day of default: the day the `years`-th full year of default
 * is over (BW 6:119a lid 3 counts years from the start of default, not calendar years). A default that
 * starts on 29 February has its anniversary on 1 March in common years: the year is complete only once
 * 28 February has passed in full.
 */
export function defaultAnniversary(defaultFrom: IsoDate, years: number): IsoDate {
  if (!Number.isSafeInteger(years) || years < 0) throw new RangeError('An anniversary needs a whole number of years');
  const year = Number(defaultFrom.slice(0, 4)) + years;
  const month = Number(defaultFrom.slice(5, 7));
  const day = Number(defaultFrom.slice(8, 10));
  if (month === 2 && day === 29 && !isLeapYear(year)) return isoDate(year, 3, 1);
  return isoDate(year, month, day);
}

/** The first anniversary of the default start that falls strictly after `date`. */
export function nextDefaultAnniversary(defaultFrom: IsoDate, date: IsoDate): IsoDate {
  let years = Math.max(1, Number(date.slice(0, 4)) - Number(defaultFrom.slice(0, 4)));
  let anniversary = defaultAnniversary(defaultFrom, years);
  while (anniversary <= date) anniversary = defaultAnniversary(defaultFrom, ++years);
  return anniversary;
}

/** Whether `date` is an anniversary of the default start (the start itself is not). */
export function isDefaultAnniversary(defaultFrom: IsoDate, date: IsoDate): boolean {
  return date > defaultFrom && nextDefaultAnniversary(defaultFrom, addDays(date, -1)) === date;
}

/** The later of two dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return toIsoDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
