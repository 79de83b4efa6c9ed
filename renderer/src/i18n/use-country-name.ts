import { useLanguage } from './use-language';

type NameKind = 'region' | 'language';
const displayNames = new Map<string, Intl.DisplayNames>();

/** Names of codes in the UI language (Intl.DisplayNames), cached per locale and kind. */
function useDisplayName(type: NameKind): (code: string) => string {
  const { formatLocale } = useLanguage();
  const key = `${formatLocale}:${type}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([formatLocale], { type });
    displayNames.set(key, names);
  }
  const resolved = names;
  return (code) => resolved.of(code) ?? code;
}

/** Country names from the ISO 3166 code in the UI language: NL → Nederland, Niederlande… */
export function useCountryName(): (countryCode: string) => string {
  return useDisplayName('region');
}

/** Language names from the ISO 639 code in the UI language: sv → Zweeds, Swedish, svenska. */
export function useLanguageName(): (languageCode: string) => string {
  return useDisplayName('language');
}
