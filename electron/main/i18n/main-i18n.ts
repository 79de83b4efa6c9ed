import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n/languages';
import { LOCALE_RESOURCES } from '../../../locales/resources';

/**
 * The main process's own translator, for what it shows without the renderer: the application menu, native
 * dialogs (file dialogs' titles, for instance) and notifications. It reads the same locale files as the
 * renderer.
 */
export type MainTFunction = TFunction<['menu', 'errors', 'common', 'settings', 'imports']>;

export function createMainTranslator(): (language: Language) => MainTFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: LOCALE_RESOURCES,
    ns: ['menu', 'errors', 'common', 'settings', 'imports'],
    defaultNS: 'menu',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return (language) => instance.getFixedT(language, ['menu', 'errors', 'common', 'settings', 'imports']);
}
