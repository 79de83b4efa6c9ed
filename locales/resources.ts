/**
 * Every translation, bundled: the main process (menus, dialogs, error texts) and the renderer read the same
 * JSON files. All three languages together are a few kilobytes, so loading them lazily would buy nothing.
 * Add a namespace here, in `shared/i18n/namespaces.ts` and as a JSON file in each language folder.
 */
import type { Language } from '../shared/i18n/languages';
import type { I18nNamespace } from '../shared/i18n/namespaces';
import enAgeing from './en/ageing.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import enDunning from './en/dunning.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enImports from './en/imports.json' with { type: 'json' };
import enLimits from './en/limits.json' with { type: 'json' };
import enMenu from './en/menu.json' with { type: 'json' };
import enPortfolio from './en/portfolio.json' with { type: 'json' };
import enSettings from './en/settings.json' with { type: 'json' };
import enShell from './en/shell.json' with { type: 'json' };
import enSync from './en/sync.json' with { type: 'json' };
import enDebtor from './en/debtor.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import enLetters from './en/letters.json' with { type: 'json' };
import enWelcome from './en/welcome.json' with { type: 'json' };
import nlAgeing from './nl/ageing.json' with { type: 'json' };
import nlCommon from './nl/common.json' with { type: 'json' };
import nlDunning from './nl/dunning.json' with { type: 'json' };
import nlErrors from './nl/errors.json' with { type: 'json' };
import nlImports from './nl/imports.json' with { type: 'json' };
import nlLimits from './nl/limits.json' with { type: 'json' };
import nlMenu from './nl/menu.json' with { type: 'json' };
import nlPortfolio from './nl/portfolio.json' with { type: 'json' };
import nlSettings from './nl/settings.json' with { type: 'json' };
import nlShell from './nl/shell.json' with { type: 'json' };
import nlSync from './nl/sync.json' with { type: 'json' };
import nlDebtor from './nl/debtor.json' with { type: 'json' };
import nlReports from './nl/reports.json' with { type: 'json' };
import nlLetters from './nl/letters.json' with { type: 'json' };
import nlWelcome from './nl/welcome.json' with { type: 'json' };
import svAgeing from './sv/ageing.json' with { type: 'json' };
import svCommon from './sv/common.json' with { type: 'json' };
import svDunning from './sv/dunning.json' with { type: 'json' };
import svErrors from './sv/errors.json' with { type: 'json' };
import svImports from './sv/imports.json' with { type: 'json' };
import svLimits from './sv/limits.json' with { type: 'json' };
import svMenu from './sv/menu.json' with { type: 'json' };
import svPortfolio from './sv/portfolio.json' with { type: 'json' };
import svSettings from './sv/settings.json' with { type: 'json' };
import svShell from './sv/shell.json' with { type: 'json' };
import svSync from './sv/sync.json' with { type: 'json' };
import svDebtor from './sv/debtor.json' with { type: 'json' };
import svReports from './sv/reports.json' with { type: 'json' };
import svLetters from './sv/letters.json' with { type: 'json' };
import svWelcome from './sv/welcome.json' with { type: 'json' };

/** English is the source language: its shape types every `t()` call (see `i18next.d.ts`). */
export const EN_RESOURCES = {
  common: enCommon,
  shell: enShell,
  welcome: enWelcome,
  portfolio: enPortfolio,
  limits: enLimits,
  ageing: enAgeing,
  dunning: enDunning,
  sync: enSync,
  imports: enImports,
  settings: enSettings,
  menu: enMenu,
  errors: enErrors,
  debtor: enDebtor,
  reports: enReports,
  letters: enLetters,
} as const satisfies Record<I18nNamespace, unknown>;

export const LOCALE_RESOURCES = {
  en: EN_RESOURCES,
  nl: {
    common: nlCommon,
    shell: nlShell,
    welcome: nlWelcome,
    portfolio: nlPortfolio,
    limits: nlLimits,
    ageing: nlAgeing,
    dunning: nlDunning,
    sync: nlSync,
    imports: nlImports,
    settings: nlSettings,
    menu: nlMenu,
    errors: nlErrors,
    debtor: nlDebtor,
    reports: nlReports,
    letters: nlLetters,
  },
  sv: {
    common: svCommon,
    shell: svShell,
    welcome: svWelcome,
    portfolio: svPortfolio,
    limits: svLimits,
    ageing: svAgeing,
    dunning: svDunning,
    sync: svSync,
    imports: svImports,
    settings: svSettings,
    menu: svMenu,
    errors: svErrors,
    debtor: svDebtor,
    reports: svReports,
    letters: svLetters,
  },
} as const satisfies Record<Language, Record<I18nNamespace, unknown>>;
