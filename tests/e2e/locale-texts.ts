import type { Language } from '../../shared/i18n/languages';
import { LOCALE_RESOURCES } from '../../locales/resources';

/**
 * The texts the app should show, read from the same locale files the app uses, so a test checks that the
 * UI really is in the expected language without copying any wording into the test.
 */
export function texts(language: Language) {
  return LOCALE_RESOURCES[language];
}

/** Fills {{placeholders}} like i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => String(values[name] ?? ''));
}
