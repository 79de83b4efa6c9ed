import type { Language } from '../../../../shared/i18n/languages';
import type { LetterStep } from '../../letters/dunning-letter';
import type { FreeTextPart } from '../../letters/letter-free-texts';
import { letterTranslator } from '../../letters/letter-translator';

/**
 * Kredo's own wording of each free paragraph in the letter's language, shown in grey in a blank field of
 * Settings › Letter texts. Kredo greets a named contact by name and writes "Sir or Madam" only without one
 * (letter-content.ts's salutationOf), so the greeting's hint shows both, the contact as its placeholder: a
 * hint with only the anonymous greeting told the controller that a letter to a named contact says
 * "Dear Sir or Madam", which it never does (issue 16, review).
 */
export function kredoWording(language: Language, step: LetterStep): Record<FreeTextPart, string> {
  const t = letterTranslator(language);
  return {
    salutation: `${t('salutation.named', { name: '{contactName}' })} / ${t('salutation.anonymous')}`,
    opening: step === 'formal-notice' ? '' : t(`intro.${step}`),
    closing: `${t('closing.alreadyPaid')} ${t('closing.contact', { phone: '{phone}', email: '{email}', customerCode: '{customerCode}' })}`,
  };
}
