import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../i18n/use-error-message';

/** Shown when the page cannot reach the main process at all, in the system's language. */
export function StartupFailure({ error }: { readonly error: unknown }) {
  const { t } = useTranslation(['common', 'errors']);
  const errorMessage = useErrorMessage();
  return (
    <main className="welcome" role="alert">
      <h1>{t('errors:title')}</h1>
      <p>{errorMessage(error)}</p>
      <p className="note">{t('common:errorBoundary.unavailable')}</p>
    </main>
  );
}
