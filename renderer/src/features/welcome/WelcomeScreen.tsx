import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_TIERS } from '../../../../shared/generator/data-tiers';
import { useClock } from '../../app/app-clock';
import { Brand } from '../../components/Brand';
import { useNavigationStore } from '../../app/navigation-store';
import { dataWorker } from '../../data/data-client';
import { toStoreError } from '../../data/data-errors';
import { kredo } from '../../platform/kredo-api';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useErrorMessage } from '../../i18n/use-error-message';

/** The first-run screen: try Kredo on the demo portfolio, or start with your own data. */
export function WelcomeScreen() {
  const { t } = useTranslation('welcome');
  const errorMessage = useErrorMessage();
  const leaveWelcome = useNavigationStore((state) => state.leaveWelcome);
  const [isWorking, setWorking] = useState(false);
  const [error, setError] = useState<string>();
  const clock = useClock();

  const onOpenDemo = async () => {
    setWorking(true);
    setError(undefined);
    try {
      await dataWorker().openDemoPortfolio({ today: clock.today(), at: clock.now().toISOString() });
      leaveWelcome('portfolio');
    } catch (cause) {
      const storeError = toStoreError(cause);
      void kredo.reportRendererError({ message: `Opening the demo failed: ${String(cause)}`, source: 'WelcomeScreen' }).catch(() => undefined);
      setError(errorMessage(storeError));
      setWorking(false);
    }
  };

  return (
    <main className="welcome" aria-labelledby="welcome-title" tabIndex={-1}>
      <div className="welcome-top">
        <Brand isLarge />
        <LanguageSwitch />
      </div>
      <h1 id="welcome-title">{t('title')}</h1>
      <p className="welcome-intro">{t('intro')}</p>
      <div className="welcome-choices">
        <section className="choice-card" aria-labelledby="welcome-demo">
          <h2 id="welcome-demo">{t('demo.title')}</h2>
          <p>{t('demo.body', { debtors: DATA_TIERS.S.debtors })}</p>
          <button type="button" className="button button-primary" disabled={isWorking} onClick={() => void onOpenDemo()}>
            {isWorking ? t('demo.working') : t('demo.action')}
          </button>
        </section>
        <section className="choice-card" aria-labelledby="welcome-import">
          <h2 id="welcome-import">{t('import.title')}</h2>
          <p>{t('import.body')}</p>
          <button type="button" className="button" disabled={isWorking} onClick={() => leaveWelcome('imports')}>
            {t('import.action')}
          </button>
        </section>
      </div>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <p className="note">{t('offlineNote')}</p>
    </main>
  );
}
