/**
 * Country names from ISO 3166 codes in a language, for the UI and the reports. `ZZ` is the code Kredo
 * gives a debtor whose country no source states (shared/import/debtor-from-import.ts); Intl.DisplayNames
 * calls it "Unknown Region" in English and "onbekend gebied" in Dutch, which reads like a leak, so it gets
 * the caller's translated `unknown` text instead. A code Intl does not know is shown as the code itself.
 */
export const UNKNOWN_COUNTRY_CODE = 'ZZ';

export function countryNamer(locale: string, unknown: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return (code) => {
    if (code.trim().toUpperCase() === UNKNOWN_COUNTRY_CODE || code.trim() === '') return unknown;
    try {
      return names.of(code) ?? code;
    } catch {
      // A malformed code (not two letters or three digits) throws a RangeError; show what was stored.
      return code;
    }
  };
}
