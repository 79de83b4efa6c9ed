import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPUTE_REASONS, type LedgerItem } from '../../../../shared/domain/ledger/ledger-types';
import { useClock } from '../../app/app-clock';
import { dataWorker } from '../../data/data-client';
import { useErrorMessage } from '../../i18n/use-error-message';
import { kredo } from '../../platform/kredo-api';

/**
 * An open invoice's dispute, set or settled where the controller hears of it: a disputed invoice is not
 * dunned and counts as uninsured, so the figures change with it.
 */
export function DisputeSelect({ item }: { readonly item: LedgerItem }) {
  const { t } = useTranslation('debtor');
  const clock = useClock();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string>();
  const change = async (value: string) => {
    setError(undefined);
    try {
      const { homeCurrency } = await kredo.importGetSettings();
      const reason = value === '' ? null : DISPUTE_REASONS.find((candidate) => candidate === value) ?? null;
      await dataWorker().setDispute({ debtorId: item.debtorId, itemId: item.id, reason, today: clock.today(), at: clock.now().toISOString(), homeCurrency });
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  return (
    <>
      <select aria-label={t('items.disputeFor', { number: item.number })} value={item.dispute?.reason ?? ''} onChange={(event) => void change(event.target.value)}>
        <option value="">{t('items.noDispute')}</option>
        {DISPUTE_REASONS.map((reason) => (
          <option key={reason} value={reason}>{t('items.disputed', { reason: t(`items.disputeReasons.${reason}`) })}</option>
        ))}
      </select>
      {error && <span role="alert" className="error-text"> {error}</span>}
    </>
  );
}
