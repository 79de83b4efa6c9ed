import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../i18n/use-error-message';
import { kredo } from '../../platform/kredo-api';

const HOME_CURRENCIES = ['EUR', 'SEK', 'GBP', 'NOK', 'DKK', 'CHF', 'PLN', 'USD'];

/** The watched import folder and the currency of amounts files do not label. */
export function ImportSettingsSection() {
  const { t } = useTranslation('settings');
  const errorMessage = useErrorMessage();
  const id = useId();
  const [settings, setSettings] = useState<{ watchedFolder: string | null; homeCurrency: string }>();
  const [status, setStatus] = useState<{ text: string; isError: boolean }>();

  useEffect(() => {
    let isActive = true;
    kredo.importGetSettings().then(
      (loaded) => isActive && setSettings(loaded),
      (error: unknown) => isActive && setStatus({ text: errorMessage(error), isError: true }),
    );
    return () => {
      isActive = false;
    };
  }, [errorMessage]);

  const run = async (action: () => Promise<string | undefined>) => {
    try {
      const text = await action();
      setSettings(await kredo.importGetSettings());
      setStatus(text ? { text, isError: false } : undefined);
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    }
  };

  if (!settings) return null;
  return (
    <section className="settings-group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('imports.title')}</h2>
      <p className="note">{t('imports.body')}</p>
      <dl className="facts">
        <dt>{t('imports.watchedFolder')}</dt>
        <dd>{settings.watchedFolder ? <code>{settings.watchedFolder}</code> : t('imports.noWatchedFolder')}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void run(async () => {
          const { watchedFolder } = await kredo.importChooseWatchedFolder();
          return watchedFolder ? t('imports.watching', { folder: watchedFolder }) : undefined;
        })}>
          {t('imports.chooseFolder')}
        </button>
        {settings.watchedFolder ? (
          <button type="button" className="button" onClick={() => void run(async () => {
            await kredo.importClearWatchedFolder();
            return t('imports.stoppedWatching');
          })}>
            {t('imports.stopWatching')}
          </button>
        ) : null}
      </div>
      <label className="mapping-row" htmlFor={`${id}-currency`}>
        <span>{t('imports.homeCurrency')}</span>
        <select id={`${id}-currency`} value={settings.homeCurrency} onChange={(event) => void run(async () => {
          await kredo.importSetHomeCurrency({ currency: event.target.value });
          return undefined;
        })}>
          {[...new Set([settings.homeCurrency, ...HOME_CURRENCIES])].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <p className="note">{t('imports.homeCurrencyHint')}</p>
      {status ? (
        <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text' : 'note'}>
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
