import { useTranslation } from 'react-i18next';
import { countryNamer } from '../../../shared/format/country-name';
import { useLanguage } from './use-language';

const regionNames = new Map<string, (code: string) => string>();
const languageNames = new Map<string, Intl.DisplayNames>();

/**
 * Country names from the ISO 3166 code in the UI language: NL → Nederland, Niederlande… A debtor whose
 * country is not known (ZZ) shows the translated "unknown country", not Intl's "Unknown Region" (issue 17).
 */
export function useCountryName(): (countryCode: string) => string {
  const { formatLocale } = useLanguage();
  const { t } = useTranslation('common');
  const unknown = t('country.unknown');
  const key = `${formatLocale}:${unknown}`;
  let names = regionNames.get(key);
  if (!names) {
    names = countryNamer(formatLocale, unknown);
    regionNames.set(key, names);
  }
  return names;
}

/** Language names from the ISO 639 code in the UI language: sv → Zweeds, Swedish, svenska. */
export function useLanguageName(): (languageCode: string) => string {
  const { formatLocale } = useLanguage();
  let names = languageNames.get(formatLocale);
  if (!names) {
    names = new Intl.DisplayNames([formatLocale], { type: 'language' });
    languageNames.set(formatLocale, names);
  }
  const resolved = names;
  return (code) => resolved.of(code) ?? code;
}
