import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n/languages';
import { LOCALE_RESOURCES } from '../../../locales/resources';

/**
 * The main process's own translator, for what it shows without the renderer: the application menu, native
 * dialogs and notifications. It reads the same locale files as the renderer.
 */
export function createMainTranslator(): (language: Language) => TFunction<['menu', 'errors', 'common']> {
  const instance = i18next.createInstance();
  void instance.init({
    resources: LOCALE_RESOURCES,
    ns: ['menu', 'errors', 'common'],
    defaultNS: 'menu',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return (language) => instance.getFixedT(language, ['menu', 'errors', 'common']);
}
