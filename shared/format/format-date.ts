import { isoDateToUtcMs, type IsoDate } from '../time/iso-date';

export type DateStyle = 'short' | 'medium' | 'long';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A business date in the locale's own order: 24-11-2026 (nl-NL), 2026-11-24 (sv-SE), 24/11/2026 (en-GB).
 * Formatted in UTC because an IsoDate is a calendar date, not an instant (see iso-date.ts).
 */
export function formatDate(date: IsoDate, locale: string, style: DateStyle = 'short'): string {
  const key = `${locale}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter.format(isoDateToUtcMs(date));
}

/** A moment (a sync, a backup) with date and time in the user's own time zone. */
export function formatDateTime(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(instant);
}
