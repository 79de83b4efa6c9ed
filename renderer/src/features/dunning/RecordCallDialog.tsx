import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmountInput } from '../../../../shared/format/decimal-input';
import type { CurrencyCode } from '../../../../shared/money/money';
import { isIsoDate } from '../../../../shared/time/iso-date';
import { useClock } from '../../app/app-clock';
import { useModalDialog } from '../../components/use-modal-dialog';
import { dataWorker } from '../../data/data-client';
import { CALL_OUTCOMES, type CallOutcome } from '../../data/dunning/record-call';
import type { WorklistRow } from '../../data/dunning/worklist-rows';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useLanguage } from '../../i18n/use-language';
import { DEADLINE_LEAD_DAYS } from './use-worklist';

/**
 * A call's outcome, as the controller types it right after hanging up: reached and promised (amount and
 * date, which pause dunning until then), reached and disputed or otherwise, or no answer (call again).
 */
export function RecordCallDialog({ entry, onClose }: { readonly entry: WorklistRow | undefined; readonly onClose: (recorded: boolean) => void }) {
  const { t } = useTranslation('dunning');
  const { formatLocale } = useLanguage();
  const clock = useClock();
  const errorMessage = useErrorMessage();
  const id = useId();
  const dialog = useModalDialog(entry !== undefined);
  const [outcome, setOutcome] = useState<CallOutcome>('promise');
  const [note, setNote] = useState('');
  const [amountText, setAmountText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<string>();
  const currency = (entry?.currency ?? 'EUR') as CurrencyCode;

  const close = (recorded: boolean) => {
    setNote('');
    setAmountText('');
    setDueOn('');
    setError(undefined);
    onClose(recorded);
  };
  const save = async () => {
    if (!entry) return;
    const amountMinor = parseAmountInput(amountText, formatLocale, currency);
    if (outcome === 'promise' && (amountMinor === undefined || !isIsoDate(dueOn))) {
      setError(t('call.promiseNeeded'));
      return;
    }
    try {
      await dataWorker().recordCall({
        entryId: entry.id,
        outcome,
        note: note.trim(),
        ...(outcome === 'promise' && amountMinor !== undefined && isIsoDate(dueOn) && { promise: { amountMinor, dueOn } }),
        today: clock.today(),
        at: clock.now().toISOString(),
        locale: formatLocale,
        leadDays: DEADLINE_LEAD_DAYS,
      });
      close(true);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={() => close(false)}>
      <h2 id={`${id}-title`}>{t('call.title', { name: entry?.debtorName ?? '' })}</h2>
      <fieldset className="choice-list">
        <legend>{t('call.outcome')}</legend>
        {CALL_OUTCOMES.map((option) => (
          <label key={option} className="radio-option">
            <input type="radio" name={`${id}-outcome`} checked={outcome === option} onChange={() => setOutcome(option)} />
            {t(`call.outcomes.${option}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'promise' && (
        <div className="form-grid">
          <label>
            <span>{t('call.amount', { currency })}</span>
            <input type="text" inputMode="decimal" value={amountText} onChange={(event) => setAmountText(event.target.value)} />
          </label>
          <label>
            <span>{t('call.dueOn')}</span>
            <input type="date" value={dueOn} min={clock.today()} onChange={(event) => setDueOn(event.target.value)} />
          </label>
        </div>
      )}
      <label className="form-grid">
        <span>{t('call.note')}</span>
        <textarea rows={3} value={note} maxLength={2_000} onChange={(event) => setNote(event.target.value)} />
      </label>
      {error && <p role="alert" className="error-text">{error}</p>}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => close(false)}>{t('call.cancel')}</button>
        <button type="button" className="button button-primary" onClick={() => void save()}>{t('call.save')}</button>
      </div>
    </dialog>
  );
}
