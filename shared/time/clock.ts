import { utcMsToIsoDate, type IsoDate } from './iso-date';

/**
 * Where "now" and "today" come from. Everything that depends on the date (ageing, due dates, dunning
 * deadlines) takes a Clock, so tests and benchmarks run on a fixed day and a controller can ask
 * "as of" any date.
 */
export interface Clock {
  now(): Date;
  /** Today's business date in the user's own time zone. */
  today(): IsoDate;
}

export function systemClock(): Clock {
  return {
    now: () => new Date(),
    today: () => localDateOf(new Date()),
  };
}

/** A clock stopped at one instant; `today()` is that instant's date in UTC. */
export function fixedClock(instant: Date | string): Clock {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return {
    now: () => new Date(ms),
    today: () => utcMsToIsoDate(ms),
  };
}

function localDateOf(date: Date): IsoDate {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}` as IsoDate;
}
