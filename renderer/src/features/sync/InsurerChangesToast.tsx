import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../../app/navigation-store';
import type { SyncReport } from '../../data/sync/run-sync';
import { useSyncStore } from './sync-store';

/**
 * After a sync that brought limit changes from the insurer (a decision, a reduction announced): a notice
 * with the count and a way to the Limits screen, where each change is listed. It stays until dismissed,
 * so a controller away from the screen still sees it.
 */
export function InsurerChangesToast() {
  const { t } = useTranslation('sync');
  const report = useSyncStore((state) => state.lastReport);
  const navigate = useNavigationStore((state) => state.navigate);
  const [dismissed, setDismissed] = useState<SyncReport | undefined>();
  const count = report?.changes.length ?? 0;
  if (!report || count === 0 || dismissed === report) return null;
  return (
    <div className="toast" role="alert">
      <span>{t('changes.toast', { count })}</span>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setDismissed(report);
          navigate('limits');
        }}
      >
        {t('changes.show')}
      </button>
      <button type="button" className="button button-small" onClick={() => setDismissed(report)}>
        {t('changes.dismiss')}
      </button>
    </div>
  );
}
