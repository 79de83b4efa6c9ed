/**
 * Types every `t('namespace:key')` call in the project against the English JSON: a key that does not exist
 * fails `npm run typecheck`. The check script (`scripts/check-i18n.ts`) then makes sure Dutch and Swedish
 * have every English key.
 */
import 'i18next';
import type { EN_RESOURCES } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof EN_RESOURCES;
  }
}
