import { describe, expect, it } from 'vitest';
import { FORMAT_LOCALE, isSupportedLanguage, languageFromLocales } from './languages';

describe('languageFromLocales', () => {
  it('picks Dutch for Dutch and Flemish systems, Swedish for Swedish ones', () => {
    expect(languageFromLocales(['nl-NL'])).toBe('nl');
    expect(languageFromLocales(['nl-BE', 'fr-BE'])).toBe('nl');
    expect(languageFromLocales(['sv-SE'])).toBe('sv');
    expect(languageFromLocales(['sv-FI'])).toBe('sv');
  });

  it('gives Norwegian and Danish readers Swedish rather than English', () => {
    expect(languageFromLocales(['nb-NO'])).toBe('sv');
    expect(languageFromLocales(['da_DK'])).toBe('sv');
  });

  it('takes the first supported language in the preference list and falls back to English', () => {
    expect(languageFromLocales(['de-DE', 'sv-SE', 'en-GB'])).toBe('sv');
    expect(languageFromLocales(['fr-FR', 'de-DE'])).toBe('en');
    expect(languageFromLocales([])).toBe('en');
  });
});

describe('isSupportedLanguage', () => {
  it('accepts exactly en, nl and sv', () => {
    expect(['en', 'nl', 'sv'].every(isSupportedLanguage)).toBe(true);
    expect(isSupportedLanguage('de')).toBe(false);
    expect(isSupportedLanguage('NL')).toBe(false);
    expect(isSupportedLanguage(undefined)).toBe(false);
  });

  it('has a formatting locale for every language', () => {
    expect(FORMAT_LOCALE).toEqual({ en: 'en-GB', nl: 'nl-NL', sv: 'sv-SE' });
  });
});
