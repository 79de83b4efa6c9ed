/**
 * One i18next namespace per feature; each is a JSON file `locales/<language>/<namespace>.json`.
 * `scripts/check-i18n.ts` verifies that every language has every file and every key.
 */
export const I18N_NAMESPACES = [
  'common',
  'shell',
  'welcome',
  'portfolio',
  'limits',
  'ageing',
  'dunning',
  'sync',
  'imports',
  'settings',
  'menu',
  'errors',
  'debtor',
  'reports',
  'letters',
] as const;

export type I18nNamespace = (typeof I18N_NAMESPACES)[number];
