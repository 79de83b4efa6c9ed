import type { i18n as I18n, ParseKeys } from 'i18next';
import type { CodedText } from '../../../shared/domain/limits/credit-limit';

/**
 * An insurer's reason or condition (a code with the insurer's own English description) in the user's
 * language. The codes Kredo knows (the sandbox's Allianz-style decision and overdue codes) are translated
 * from `debtor:limits.insurerReason`; any other is shown as the insurer wrote it, marked as the insurer's
 * text, so a Dutch or Swedish screen never passes English off as its own words (issue 17).
 */
export function insurerReasonText(reason: CodedText, i18n: Pick<I18n, 't' | 'exists'>): string {
  const code = reason.code.trim();
  if (code === '') return i18n.t('limits.insurerTextUncoded', { ns: 'debtor', text: reason.description });
  const key = `limits.insurerReason.${code}` as ParseKeys<'debtor'>;
  if (i18n.exists(key, { ns: 'debtor' })) return i18n.t(key, { ns: 'debtor' });
  return i18n.t('limits.insurerText', { ns: 'debtor', text: reason.description, code });
}
