import { useTranslation } from 'react-i18next';

/**
 * Shown instead of the app when the store needs a newer storage format but the backup taken before the
 * upgrade failed: the upgrade must not run without it, so the store is never opened (opening it upgrades
 * it) and stays as it was until a later start can back it up.
 */
export function MigrationBackupFailure() {
  const { t } = useTranslation('errors');
  return (
    <main className="welcome" role="alert">
      <h1>{t('backup.beforeMigrationTitle')}</h1>
      <p>{t('backup.beforeMigrationFailed')}</p>
    </main>
  );
}
