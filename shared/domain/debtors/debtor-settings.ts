import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../../i18n/languages';
import { LAW_JURISDICTIONS } from '../law/jurisdiction';
import { validateWith, type Validated } from '../dunning/field-errors';
import type { CountryCode, Debtor, Jurisdiction } from './debtor';
import type { Language } from '../../i18n/languages';

/**
 * What the controller sets per debtor for dunning: the country (an import may not know it), the language
 * its letters are written in, whose late-payment law they apply, and the credit-policy segment that picks
 * the dunning ladder. Imports never overwrite these for a debtor Kredo already knows.
 */
export interface DebtorSettings {
  readonly country: CountryCode;
  readonly language: Language;
  readonly jurisdiction: Jurisdiction;
  readonly segment: string;
}

/** Segments are short labels ("key account", "SME"): long enough for any ERP's, short enough for a grid. */
export const SEGMENT_MAX_LENGTH = 40;

export const debtorSettingsSchema = z.object({
  // ISO 3166-1 alpha-2; ZZ stays allowed, it is how an import says "unknown".
  country: z.string().regex(/^[A-Z]{2}$/, 'not an ISO 3166 country code'),
  language: z.enum(SUPPORTED_LANGUAGES),
  jurisdiction: z.enum(LAW_JURISDICTIONS as [Jurisdiction, ...Jurisdiction[]]),
  segment: z.string().trim().max(SEGMENT_MAX_LENGTH),
}) satisfies z.ZodType<DebtorSettings>;

/**
 * The countries a controller can pick for a debtor: the EU and EEA, the UK, Switzerland and the US — the
 * markets a Dutch or Swedish supplier's trade-credit policy covers — plus "unknown" (ZZ) for an import that
 * did not say. The stored code is checked by format only, so a debtor from elsewhere keeps its country.
 */
export const SELECTABLE_COUNTRIES: readonly CountryCode[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO', 'CH', 'GB', 'US', 'ZZ',
];

/** The letter language Kredo assumes for a country: Dutch for NL and Flanders, Swedish for SE, else English. */
export function defaultLanguage(country: CountryCode): Language {
  return LANGUAGE_OF_COUNTRY[country] ?? 'en';
}

const LANGUAGE_OF_COUNTRY: Readonly<Record<string, Language>> = { NL: 'nl', BE: 'nl', SE: 'sv' };

export function validateDebtorSettings(input: unknown): Validated<DebtorSettings> {
  return validateWith(debtorSettingsSchema, input);
}

export function settingsOf(debtor: Debtor): DebtorSettings {
  return { country: debtor.country, language: debtor.language, jurisdiction: debtor.jurisdiction, segment: debtor.segment };
}

export const DEBTOR_SETTING_FIELDS = ['country', 'language', 'jurisdiction', 'segment'] as const;

/**
 * The settings that differ, for the audit trail (whose details are flat): each changed field with its new
 * value, and `<field>Before` with the old one. Empty when nothing changed.
 */
export function changedSettings(before: DebtorSettings, after: DebtorSettings): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const field of DEBTOR_SETTING_FIELDS) {
    if (before[field] === after[field]) continue;
    changes[field] = after[field];
    changes[`${field}Before`] = before[field];
  }
  return changes;
}
