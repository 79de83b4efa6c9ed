import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { UNSENT_STATES } from '../../../../shared/sync/limit-outbox';
import { isDue } from '../../../../shared/sync/retry-policy';
import { useClock } from '../../app/app-clock';
import { useNavigationStore } from '../../app/navigation-store';
import { ScreenHeader } from '../../components/ScreenHeader';
import { uiDb } from '../../data/queries/ui-db';
import { INSURER_RETRY_AT } from '../../data/sync/sync-support';
import { useFormat } from '../../i18n/use-format';
import { OutboxSection } from './OutboxSection';
import { QuarantineSection } from './QuarantineSection';
import { SyncHistorySection } from './SyncHistorySection';
import { TurnoverDeclarationSection } from './turnover/TurnoverDeclarationSection';
import { useInsurerConnection } from './use-insurer-connection';

/**
 * The insurer connection at a glance (issue 17): which insurer, when Kredo last synced and how many requests
 * wait to be sent; the sync history with what each sync changed; the outbox with where each request stands;
 * and insurer data set aside because it does not fit the schema. The top bar has "Sync now"; Settings ›
 * Insurer changes the connection.
 */
export function SyncScreen() {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const navigate = useNavigationStore((state) => state.navigate);
  const { connection } = useInsurerConnection();
  const lastSyncAt = useLiveQuery(async () => (await uiDb.syncState.get('lastSyncAt'))?.value as string | undefined, []);
  const waiting = useLiveQuery(() => uiDb.limitOutbox.where('state').anyOf([...UNSENT_STATES]).count(), []);
  const clock = useClock();
  // Shown while it is ahead, and no further ahead than Kredo ever waits (a clock that was ahead is ignored).
  const comeBackAt = useLiveQuery(async () => (await uiDb.syncState.get(INSURER_RETRY_AT))?.value as string | undefined, []);
  const waitAsked = comeBackAt !== undefined && !isDue(comeBackAt, clock.now()) ? comeBackAt : undefined;
  const settings = connection?.settings;
  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      <dl className="facts" data-testid="sync-facts">
        <dt>{t('screen.insurer')}</dt>
        <dd>{settings === undefined ? '…' : settings.mode === 'sandbox' ? t('screen.sandbox') : t('screen.api', { url: settings.baseUrl, policy: settings.policyId })}</dd>
        <dt>{t('screen.lastSync')}</dt>
        <dd>{lastSyncAt ? format.dateTime(new Date(lastSyncAt)) : t('screen.never')}</dd>
        <dt>{t('screen.waiting')}</dt>
        <dd>{format.number(waiting ?? 0)}</dd>
        {waitAsked && (
          <>
            <dt>{t('screen.comeBackAt')}</dt>
            <dd data-testid="insurer-retry-at">{format.dateTime(new Date(waitAsked))}</dd>
          </>
        )}
      </dl>
      <div className="button-row">
        <button type="button" className="button" onClick={() => navigate('limits')}>{t('screen.openLimits')}</button>
        <button type="button" className="button" onClick={() => navigate('settings')}>{t('screen.openSettings')}</button>
      </div>
      <SyncHistorySection />
      <OutboxSection />
      <QuarantineSection />
      {connection && <TurnoverDeclarationSection dialect={connection.dialect} />}
    </section>
  );
}
