import type { Clock } from '../../shared/time/clock';
import { utcMsToIsoDate, type IsoDate } from '../../shared/time/iso-date';

/**
 * The sandbox's virtual clock: the host clock shifted by an offset that admin routes move forward, so a
 * test can make thirty days pass in one call (insurer-apis.md §3.4 "virtual clock"). Time never runs
 * backwards: decisions, notices and feed events already issued must stay in the past.
 */
export interface VirtualClock {
  now(): Date;
  today(): IsoDate;
  nowIso(): string;
}

export function virtualClock(host: Clock, offsetMs: () => number): VirtualClock {
  const now = () => new Date(host.now().getTime() + offsetMs());
  return { now, today: () => utcMsToIsoDate(now().getTime()), nowIso: () => now().toISOString() };
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * An ISO 8601 duration such as `P30D`, `PT2H` or `P1DT12H` in milliseconds; years and months are refused
 * because their length depends on the date. Undefined when the text is not such a duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T')) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  return ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1_000;
}
