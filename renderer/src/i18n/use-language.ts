import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FORMAT_LOCALE, isSupportedLanguage, type Language } from '../../../shared/i18n/languages';
import { kredo, subscribe } from '../platform/kredo-api';

/** The current UI language and the function that changes and persists it. */
export function useLanguage(): { language: Language; formatLocale: string; changeLanguage: (language: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const language = isSupportedLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return {
    language,
    formatLocale: FORMAT_LOCALE[language],
    changeLanguage: async (next) => {
      // Switch at once for the user; the main process stores the choice and rebuilds its menu.
      await i18n.changeLanguage(next);
      await kredo.setLanguage({ language: next });
    },
  };
}

/** Follows language changes made outside the page, such as the Language menu of the desktop app. */
export function useLanguageFromMainProcess(): void {
  const { i18n } = useTranslation();
  useEffect(
    () =>
      subscribe('onLanguageChanged', ({ language }) => {
        if (i18n.resolvedLanguage !== language) void i18n.changeLanguage(language);
      }),
    [i18n],
  );
}
