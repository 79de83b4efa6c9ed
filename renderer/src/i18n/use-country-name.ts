import { useLanguage } from './use-language';

const displayNames = new Map<string, Intl.DisplayNames>();

/** Country names from the ISO 3166 code in the UI language (Intl.DisplayNames): NL → Nederland, Niederlande… */
export function useCountryName(): (countryCode: string) => string {
  const { formatLocale } = useLanguage();
  let names = displayNames.get(formatLocale);
  if (!names) {
    names = new Intl.DisplayNames([formatLocale], { type: 'region' });
    displayNames.set(formatLocale, names);
  }
  const resolved = names;
  return (countryCode) => resolved.of(countryCode) ?? countryCode;
}
