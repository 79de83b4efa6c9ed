import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import { I18N_NAMESPACES } from '../../../shared/i18n/namespaces';
import { LOCALE_RESOURCES } from '../../../locales/resources';

/**
 * Starts i18next with every namespace of every language bundled (see locales/resources.ts) and keeps
 * `<html lang>` in step, so screen readers and hyphenation follow the chosen language.
 */
export async function setupI18n(language: Language): Promise<void> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await i18next.use(initReactI18next).init({
    resources: LOCALE_RESOURCES,
    lng: language,
    fallbackLng: 'en',
    ns: [...I18N_NAMESPACES],
    defaultNS: 'common',
    // React escapes what it renders; escaping here too would show &amp; in the UI.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
