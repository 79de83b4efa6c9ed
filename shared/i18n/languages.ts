/**
 * The languages Kredo speaks. English is the source language of every string; Dutch and Swedish are full
 * translations, not fallbacks.
 */
export const SUPPORTED_LANGUAGES = ['en', 'nl', 'sv'] as const;

export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Picks the language for a first start from the operating system's locale list (BCP 47 tags such as
 * `nl-NL`, `sv-SE`, `en-GB`, or `nb-NO`). Norwegian and Danish readers understand Swedish far better
 * than English, so they get Swedish; Flemish (`nl-BE`) and Frisian (`fy`) get Dutch.
 */
export function languageFromLocales(locales: readonly string[]): Language {
  for (const locale of locales) {
    const primary = locale.toLowerCase().split(/[-_]/)[0];
    if (primary === 'nl' || primary === 'fy') return 'nl';
    if (primary === 'sv' || primary === 'nb' || primary === 'nn' || primary === 'no' || primary === 'da') {
      return 'sv';
    }
    if (primary === 'en') return 'en';
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The locale used for number, date and money formats in each UI language. Swedish uses a space as the
 * thousands separator and a comma for decimals; Dutch uses a dot and a comma; British English the reverse.
 */
export const FORMAT_LOCALE: Record<Language, string> = {
  en: 'en-GB',
  nl: 'nl-NL',
  sv: 'sv-SE',
};

/** Each language's name in that language, as language pickers show them; these are never translated. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  nl: 'Nederlands',
  sv: 'Svenska',
};
