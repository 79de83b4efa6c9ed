import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestTypeFor } from '../../../../shared/domain/limits/limit-alerts';
import { isWithinDiscretionaryLimit } from '../../../../shared/domain/policy/insurance-policy';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { parseAmountInput } from '../../../../shared/format/decimal-input';
import { money, type CurrencyCode } from '../../../../shared/money/money';
import { UNSENT_STATES, type LimitRequestType } from '../../../../shared/sync/limit-outbox';
import { useClock } from '../../app/app-clock';
import { useBootstrap } from '../../app/bootstrap-context';
import type { StoredDebtor } from '../../data/db/schema';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';
import { KredoApiError } from '../../platform/kredo-api';
import { useInsurerConnection } from '../sync/use-insurer-connection';
import { requestLimits } from './request-limits';
import { SandboxInsurerControls } from './SandboxInsurerControls';

const HAS_COVER = new Set(['APPROVED', 'PARTIALLY_APPROVED', 'REDUCED']);

/**
 * The debtor page's request to the insurer: a new limit, an increase or a reduction (worked out from the
 * amount against the cover in force), or cancelling the cover. It goes to the outbox, so it works offline;
 * while one is open the panel shows where it stands instead (insurers take one request per buyer).
 */
export function DebtorLimitRequest({ debtor, summary }: { readonly debtor: StoredDebtor; readonly summary: DebtorSummary | undefined }) {
  const { t } = useTranslation('limits');
  const format = useFormat();
  const { formatLocale } = useLanguage();
  const clock = useClock();
  const { isClockFixed } = useBootstrap();
  const errorMessage = useErrorMessage();
  const id = useId();
  const { connection } = useInsurerConnection();
  const policy = useLiveQuery(async () => (await uiDb.policies.toArray())[0], []);
  const open = useLiveQuery(() => uiDb.limitOutbox.where('debtorId').equals(debtor.id).filter((entry) => UNSENT_STATES.has(entry.state) || entry.state === 'PENDING').first(), [debtor.id]);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ readonly text: string; readonly isError: boolean }>();
  const currency = (policy?.currency ?? summary?.currency ?? 'EUR') as CurrencyCode;
  const state = summary?.limitState ?? 'NONE';
  const current = summary?.limitSource === 'insurer' ? summary.limitMinor : 0;
  const amountMinor = parseAmountInput(text, formatLocale, currency);
  const type = amountMinor === undefined ? undefined : requestTypeFor(state, current, amountMinor);
  const isDiscretionary = policy && amountMinor !== undefined && isWithinDiscretionaryLimit(policy, money(amountMinor, currency));

  const send = async (requestType: LimitRequestType, amount?: number) => {
    setMessage(undefined);
    try {
      const [outcome] = await requestLimits([{ debtorId: debtor.id, type: requestType, currency, ...(amount !== undefined && { amountMinor: amount }) }], clock, isClockFixed);
      if (outcome?.queued) {
        setText('');
        setMessage({ text: t('request.queued'), isError: false });
      } else setMessage({ text: errorMessage(new KredoApiError(outcome?.code ?? 'internal')), isError: true });
    } catch (error) {
      setMessage({ text: errorMessage(error), isError: true });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">{t('request.title')}</h2>
      {summary?.limitState === 'SCHEDULED' && summary.upcomingLimit && !open ? (
        // Decided with a start date still to come: pending until then, not a limit of 0 to ask for again.
        <p data-testid="scheduled-limit">{t('request.scheduled', { amount: format.money(money(summary.upcomingLimit.amountMinor, summary.currency)), date: format.date(summary.upcomingLimit.from) })}</p>
      ) : open ? (
        <p data-testid="open-request">
          {t(open.state === 'PENDING' ? 'request.openPending' : open.state === 'CHECKING' ? 'request.openChecking' : 'request.openWaiting', { type: t(`requestType.${open.type}`), amount: open.amountMinor === undefined ? '' : format.money(money(open.amountMinor, open.currency)) })}
        </p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (type && amountMinor !== undefined && amountMinor > 0) void send(type, amountMinor);
            else setMessage({ text: t('request.amountInvalid'), isError: true });
          }}
        >
          <label>
            <span>{t('request.amount', { currency })}</span>
            <input type="text" inputMode="decimal" value={text} onChange={(event) => setText(event.target.value)} aria-describedby={`${id}-hint`} />
          </label>
          <button type="submit" className="button button-primary">
            {type ? t('request.send', { type: t(`requestType.${type}`) }) : t('request.sendAny')}
          </button>
          {HAS_COVER.has(state) && (
            <button type="button" className="button" onClick={() => void send('CANCEL')}>
              {t('request.cancelCover')}
            </button>
          )}
          <p id={`${id}-hint`} className="note">
            {isDiscretionary && policy ? t('request.discretionaryHint', { max: format.money(policy.discretionaryLimitMax) }) : t('request.hint')}
          </p>
        </form>
      )}
      {message && <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error-text' : 'note'}>{message.text}</p>}
      {connection?.settings.mode === 'sandbox' && <SandboxInsurerControls debtor={debtor} hasCover={HAS_COVER.has(state)} />}
    </section>
  );
}
