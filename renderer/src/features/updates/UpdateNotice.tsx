import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../../app/navigation-store';
import { kredo } from '../../platform/kredo-api';
import { useUpdateView } from './use-update-view';

/**
 * In the top bar, on every screen: a newer version with "Install now" and "Later", then the download's
 * progress and the restart. Nothing is downloaded until "Install now". A failed check is left to
 * Settings › Updates (Kredo tries again by itself); a failed download is said here, since the user asked for it.
 */
export function UpdateNotice() {
  const { t } = useTranslation('shell');
  const navigate = useNavigationStore((state) => state.navigate);
  const { view, act } = useUpdateView();
  const status = view?.status;
  if (!status) return null;

  switch (status.state) {
    case 'available':
      return (
        <div className="update-notice" role="status">
          <span>{t('update.available', { version: status.version })}</span>
          <button type="button" className="button button-small button-primary" onClick={() => void act(() => kredo.updateInstall())}>
            {t('update.installNow')}
          </button>
          <button type="button" className="button button-small" onClick={() => void act(() => kredo.updateDefer())}>
            {t('update.later')}
          </button>
        </div>
      );
    case 'downloading':
      return (
        <div className="update-notice" role="status">
          <label>
            {t('update.downloading', { version: status.version })}{' '}
            <progress max={100} value={status.percent}>
              {status.percent}
            </progress>
          </label>
        </div>
      );
    case 'installing':
      return (
        <div className="update-notice" role="status">
          {t('update.installing', { version: status.version })}
        </div>
      );
    case 'error':
      if (status.code !== 'update.downloadFailed') return null;
      return (
        <div className="update-notice" role="alert">
          <span className="error-text">{t('update.failed')}</span>
          <button type="button" className="button button-small" onClick={() => navigate('settings')}>
            {t('update.details')}
          </button>
        </div>
      );
    default:
      return null;
  }
}
