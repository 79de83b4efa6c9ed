import type { ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { KredoApiError } from '../platform/kredo-api';

/**
 * The user-facing text for any thrown value: an error from the main process or the store carries a code
 * in the `errors` namespace; anything else is unexpected and gets the generic "internal" message (the
 * details are in the log file).
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation('errors');
  return useCallback(
    (error: unknown) => {
      // The insurer's problem type (RFC 7807), when Kredo knows it, says what to do about a refusal.
      const problem = error instanceof KredoApiError && error.code === 'insurer.refused' ? error.params?.type : undefined;
      if (typeof problem === 'string' && i18n.exists(`errors:insurerProblem.${problem}`)) {
        return t('insurer.refusedBecause', { reason: t(`insurerProblem.${problem}` as ParseKeys<'errors'>) });
      }
      if (error instanceof KredoApiError && i18n.exists(`errors:${error.code}`)) {
        return t(error.code as ParseKeys<'errors'>, { ...error.params });
      }
      return t('internal');
    },
    [t, i18n],
  );
}
