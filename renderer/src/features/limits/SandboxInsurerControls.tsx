import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyIdentifier } from '../../../../shared/domain/identifiers/identifier-type';
import { useClock } from '../../app/app-clock';
import { useBootstrap } from '../../app/bootstrap-context';
import { useErrorMessage } from '../../i18n/use-error-message';
import { kredo } from '../../platform/kredo-api';
import { useSyncStore } from '../sync/sync-store';

/** Virtual hours the sandbox's underwriter takes at most over a referred request (a day, to be sure). */
const UNDERWRITER_HOURS = 24;
/** A maintenance window of a few hours, as insurers announce them: longer than the client waits in one call. */
const MAINTENANCE_HOURS = 2;

/**
 * Only with the built-in sandbox: play the insurer's part while trying Kredo — let the underwriter decide
 * the referred requests now, have the insurer announce a reduction of this debtor's limit, or go into
 * maintenance for two hours (Kredo then says when the insurer asked it to come back) — and sync.
 */
export function SandboxInsurerControls({ debtor, hasCover }: { readonly debtor: { readonly country: string; readonly identifiers: readonly CompanyIdentifier[] }; readonly hasCover: boolean }) {
  const { t } = useTranslation('limits');
  const errorMessage = useErrorMessage();
  const clock = useClock();
  const { isClockFixed } = useBootstrap();
  const [message, setMessage] = useState<string>();
  const act = async (request: Parameters<typeof kredo.insurerSandboxControl>[0]) => {
    setMessage(undefined);
    try {
      await kredo.insurerSandboxControl(request);
      await useSyncStore.getState().sync(clock, isClockFixed, { force: true });
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  return (
    <div className="sandbox-controls" aria-label={t('sandbox.label')} role="group">
      <p className="note">{t('sandbox.explain')}</p>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => void act({ action: 'advanceClock', hours: UNDERWRITER_HOURS })}>
          {t('sandbox.decideNow')}
        </button>
        <button type="button" className="button button-small" onClick={() => void act({ action: 'maintenance', hours: MAINTENANCE_HOURS })}>
          {t('sandbox.maintenance')}
        </button>
        {hasCover && (
          <button type="button" className="button button-small" onClick={() => void act({ action: 'announceReduction', country: debtor.country, identifiers: debtor.identifiers.map(({ type, value }) => ({ type, value })) })}>
            {t('sandbox.announceReduction')}
          </button>
        )}
      </div>
      {message && <p role="alert" className="error-text">{message}</p>}
    </div>
  );
}
