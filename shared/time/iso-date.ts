/**
 * Business dates are calendar dates without a time zone, written `YYYY-MM-DD` (ISO 8601). An invoice due
 * on 2026-03-31 is due on that day wherever the laptop is; storing such dates as timestamps would shift
 * them across midnight for users east or west of UTC.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function toIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${value}`);
  return value;
}

/** The UTC midnight of a business date, for arithmetic and for `Intl` formatting with `timeZone: 'UTC'`. */
export function isoDateToUtcMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function utcMsToIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10) as IsoDate;
}

const MS_PER_DAY = 86_400_000;

/**
 * Both conversions are remembered: decoding a tier-L ledger and scheduling its dunning convert millions of
 * dates (profiled: a third of the Dunning worklist's time went to `Date#toISOString`), but only a few
 * thousand distinct ones. Day numbers 1950–2099 are kept in an array, other days are converted each time.
 */
const CACHE_FIRST_DAY = -7305;
const DAY_CACHE_SIZE = 54_787;
const isoOfDay = new Array<IsoDate | undefined>(DAY_CACHE_SIZE);
const dayOfIso = new Map<string, number>();

/**
 * Business dates as whole days since 1970-01-01. The ledger stores dates this way in Int32Arrays: four
 * bytes a date, and "days overdue" is a subtraction.
 */
export function toDayNumber(date: IsoDate): number {
  const known = dayOfIso.get(date);
  if (known !== undefined) return known;
  const day = isoDateToUtcMs(date) / MS_PER_DAY;
  // A ledger holds a few thousand distinct dates; the bound only keeps odd input from growing the map.
  if (dayOfIso.size >= DAY_CACHE_SIZE) dayOfIso.clear();
  dayOfIso.set(date, day);
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  const slot = day - CACHE_FIRST_DAY;
  if (Number.isInteger(slot) && slot >= 0 && slot < DAY_CACHE_SIZE) return (isoOfDay[slot] ??= utcMsToIsoDate(day * MS_PER_DAY));
  return utcMsToIsoDate(day * MS_PER_DAY);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`; positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The first day of the month `months` months after (or, when negative, before) the month of `date`. */
export function startOfMonth(date: IsoDate, months = 0): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  return utcMsToIsoDate(Date.UTC(year, month, 1));
}

/** The last day of the month of `date`. */
export function endOfMonth(date: IsoDate): IsoDate {
  return addDays(startOfMonth(date, 1), -1);
}

/**
 * The same day `months` months later; a day the month does not have becomes its last day (31 January
 * plus one month is 28 or 29 February), as instalment schedules and contract terms count months.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const first = startOfMonth(date, months);
  const last = Number(endOfMonth(first).slice(8, 10));
  return `${first.slice(0, 8)}${String(Math.min(Number(date.slice(8, 10)), last)).padStart(2, '0')}` as IsoDate;
}
