import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useClock } from '../../app/app-clock';
import { useBootstrap } from '../../app/bootstrap-context';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { useSyncStore } from './sync-store';

/**
 * The top bar's sync state: online and when last synced, syncing, offline (requests wait in the outbox), the
 * time the insurer asked Kredo to come back (Retry-After), or the last failure in the user's language; and
 * "Sync now". A live region, so a screen reader hears it change.
 */
export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const clock = useClock();
  const { isClockFixed } = useBootstrap();
  const { status, error, sync } = useSyncStore();
  const lastSyncAt = useLiveQuery(async () => (await uiDb.syncState.get('lastSyncAt'))?.value as string | undefined, []);

  const synced = lastSyncAt ? t('indicator.lastSync', { time: format.dateTime(new Date(lastSyncAt)) }) : t('indicator.never');
  // The insurer answered "come back at …" (Retry-After): said as such, not as being offline.
  const retryAt = error?.params?.['retryAt'];
  const comeBack = status === 'offline' && typeof retryAt === 'string' && Date.parse(retryAt) > clock.now().getTime() ? t('indicator.comeBack', { time: format.dateTime(new Date(retryAt)) }) : undefined;
  const text = status === 'syncing' ? t('indicator.syncing') : comeBack ?? (status === 'offline' ? t('indicator.offline') : status === 'failed' ? t('indicator.failed', { reason: errorMessage(error) }) : synced);
  return (
    <div className="sync-indicator">
      <span className={`sync-dot sync-dot-${status}`} aria-hidden="true" />
      <span role="status" aria-live="polite" className="sync-text" data-testid="sync-status" data-status={status}>
        {text}
        {status !== 'idle' && status !== 'syncing' && <span className="sync-last"> · {synced}</span>}
      </span>
      <button type="button" className="button button-small" disabled={status === 'syncing'} onClick={() => void sync(clock, isClockFixed, { force: true })}>
        {t('indicator.syncNow')}
      </button>
    </div>
  );
}
