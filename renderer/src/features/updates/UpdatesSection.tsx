import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateFeedUrlProblem, type UpdateSettings, type UpdateStatus, type UpdateView } from '../../../../shared/ipc/update-contract';
import { useBootstrap } from '../../app/bootstrap-context';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { kredo } from '../../platform/kredo-api';
import { useUpdateView } from './use-update-view';

/**
 * Settings › Updates: off by default. With the address of the company's update feed (the folder its IT
 * department publishes the installers and `latest.yml` in), Kredo checks it at start and every few hours
 * and offers a newer version; it downloads one only on "Install now".
 */
export function UpdatesSection() {
  const { t } = useTranslation('settings');
  const id = useId();
  const { view, failure, act } = useUpdateView();
  const errorMessage = useErrorMessage();

  if (!view) return failure ? <p className="error-text">{errorMessage(failure)}</p> : null;
  return (
    <section className="settings-group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('updates.title')}</h2>
      <p className="note">{t('updates.body')}</p>
      <UpdateSettingsForm
        key={`${view.settings.enabled}-${view.settings.url ?? ''}`}
        saved={view.settings}
        onSave={(settings) => act(() => kredo.updateSetSettings(settings))}
      />
      <UpdateStatusLine status={view.status} />
      {failure ? (
        <p role="alert" className="error-text">
          {errorMessage(failure)}
        </p>
      ) : null}
      <UpdateActions state={view.status.state} act={act} />
    </section>
  );
}

/** "Check now" once updates are on, "Install now" and "Later" for an offer; nothing while busy or off. */
function UpdateActions({ state, act }: { state: UpdateStatus['state']; act: (action: () => Promise<UpdateView>) => Promise<void> }) {
  const { t } = useTranslation('settings');
  const canCheck = state === 'idle' || state === 'error' || state === 'deferred' || state === 'available';
  if (!canCheck) return null;
  return (
    <div className="button-row">
      <button type="button" className="button" onClick={() => void act(() => kredo.updateCheck())}>
        {t('updates.checkNow')}
      </button>
      {state === 'available' || state === 'deferred' ? (
        <button type="button" className="button button-primary" onClick={() => void act(() => kredo.updateInstall())}>
          {t('updates.installNow')}
        </button>
      ) : null}
      {state === 'available' ? (
        <button type="button" className="button" onClick={() => void act(() => kredo.updateDefer())}>
          {t('updates.later')}
        </button>
      ) : null}
    </div>
  );
}

function UpdateSettingsForm({ saved, onSave }: { saved: UpdateSettings; onSave: (settings: UpdateSettings) => Promise<void> }) {
  const { t } = useTranslation('settings');
  const id = useId();
  const [enabled, setEnabled] = useState(saved.enabled);
  const [url, setUrl] = useState(saved.url ?? '');
  const [problem, setProblem] = useState<ReturnType<typeof updateFeedUrlProblem>>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = url.trim();
    // An address is needed only to check; turning updates off may keep or clear it.
    const found = enabled || trimmed !== '' ? updateFeedUrlProblem(trimmed) : undefined;
    setProblem(found);
    if (found) return;
    void onSave({ enabled, url: trimmed === '' ? null : trimmed });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <label className="radio-option">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        {t('updates.enabled')}
      </label>
      <div className="form-grid">
        <label>
          <span>{t('updates.url')}</span>
          <input
            type="url"
            value={url}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        {problem ? (
          <span id={`${id}-problem`} className="error-text">
            {t(`updates.urlProblems.${problem}`)}
          </span>
        ) : (
          <span id={`${id}-hint`} className="note">
            {t('updates.urlHint')}
          </span>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t('updates.save')}
        </button>
      </div>
    </form>
  );
}

function UpdateStatusLine({ status }: { status: UpdateStatus }) {
  const { t } = useTranslation(['settings', 'errors']);
  const format = useFormat();
  const { appVersion } = useBootstrap();
  const text = (() => {
    switch (status.state) {
      case 'unsupported':
        return t('settings:updates.status.unsupported');
      case 'off':
        return t('settings:updates.status.off');
      case 'idle':
        return status.checkedAt
          ? t('settings:updates.status.upToDate', { version: appVersion, time: format.dateTime(new Date(status.checkedAt)) })
          : t('settings:updates.status.notChecked');
      case 'checking':
        return t('settings:updates.status.checking');
      case 'available':
        return t('settings:updates.status.available', { version: status.version, current: appVersion });
      case 'deferred':
        return t('settings:updates.status.deferred', { version: status.version, time: format.dateTime(new Date(status.remindAt)) });
      case 'downloading':
        return t('settings:updates.status.downloading', { version: status.version, percent: format.percent(status.percent / 100) });
      case 'installing':
        return t('settings:updates.status.installing', { version: status.version });
      case 'error':
        return t(`errors:${status.code}`);
    }
  })();
  return (
    <>
      <p role={status.state === 'error' ? 'alert' : 'status'} className={status.state === 'error' ? 'error-text' : 'note'}>
        {text}
      </p>
      {status.state === 'available' && status.releaseNotes ? <p className="letter-text">{status.releaseNotes}</p> : null}
    </>
  );
}
