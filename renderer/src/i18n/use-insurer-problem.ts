import type { ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The insurer's problem type (RFC 7807, e.g. `request_already_pending`) in the user's words, from the
 * `errors:insurerProblem` texts; undefined when Kredo has no text for it.
 */
export function useInsurerProblem(): (code: string | undefined) => string | undefined {
  const { t, i18n } = useTranslation('errors');
  return useCallback((code: string | undefined) => (code !== undefined && i18n.exists(`errors:insurerProblem.${code}`) ? t(`insurerProblem.${code}` as ParseKeys<'errors'>) : undefined), [t, i18n]);
}
