import { createInstance, type TFunction } from 'i18next';
import { LOCALE_RESOURCES } from '../../../locales/resources';
import type { Language } from '../../../shared/i18n/languages';

/** The letter texts in one language, whatever language the app's screens are in. */
export type LetterTranslator = TFunction<'letters'>;

const translators = new Map<Language, LetterTranslator>();

/**
 * A `t` fixed to the letter's language and the `letters` namespace. A letter goes out in the debtor's
 * language, so it cannot use the app's i18next instance (which follows the UI language); each language
 * gets its own small instance, made once, synchronously (the texts are bundled, nothing is loaded).
 * Also usable in the data worker, which has no UI i18next at all.
 */
export function letterTranslator(language: Language): LetterTranslator {
  let translator = translators.get(language);
  if (!translator) {
    const instance = createInstance();
    void instance.init({
      resources: { [language]: { letters: LOCALE_RESOURCES[language].letters } },
      lng: language,
      ns: ['letters'],
      defaultNS: 'letters',
      initAsync: false,
      // Letters are PDF and plain text, not HTML: nothing to escape, and "&" in a name must stay "&".
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    translator = instance.getFixedT(language, 'letters');
    translators.set(language, translator);
  }
  return translator;
}
