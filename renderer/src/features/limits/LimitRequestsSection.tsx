import { useTranslation } from 'react-i18next';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import { money } from '../../../../shared/money/money';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useInsurerProblem } from '../../i18n/use-insurer-problem';
import { useFormat } from '../../i18n/use-format';
import { KredoApiError } from '../../platform/kredo-api';
import { DebtorLink } from './DebtorLink';
import type { LimitsOverview } from './use-limits-overview';

const SHOWN_REQUESTS = 100;

/**
 * Where each request stands: waiting to be sent, being checked with the insurer (its answer was lost), with
 * the underwriter, decided (and what), refused and why, or in need of the controller (a conflict at the
 * insurer that is not Kredo's own request).
 */
export function LimitRequestsSection({ overview }: { readonly overview: LimitsOverview }) {
  const { t } = useTranslation('limits');
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const insurerProblem = useInsurerProblem();
  const outcome = (entry: LimitOutboxEntry) => {
    switch (entry.state) {
      case 'SUBMITTED_LOCAL':
        return entry.attempts > 0 ? t('requests.waitingRetry', { count: entry.attempts }) : t('requests.waiting');
      case 'CHECKING':
        return t('requests.checking');
      case 'ATTENTION':
        return t('requests.attention', { reason: insurerProblem(entry.lastProblem?.code) ?? t('requests.conflict') });
      case 'PENDING':
        return t('requests.pending');
      case 'DECIDED': {
        const summary = overview.summaries.get(entry.debtorId);
        if (summary?.limitState === 'SCHEDULED' && summary.upcomingLimit) return t('requests.decidedScheduled', { amount: format.money(money(summary.upcomingLimit.amountMinor, summary.currency)), date: format.date(summary.upcomingLimit.from) });
        return summary ? t('requests.decided', { state: t(`stateInSentence.${summary.limitState}`), amount: format.money(money(summary.limitMinor, summary.currency)) }) : t('requests.decidedShort');
      }
      case 'REJECTED':
        return errorMessage(new KredoApiError('insurer.refused', { status: entry.lastProblem?.status ?? 0, ...(entry.lastProblem?.code !== undefined && { type: entry.lastProblem.code }) }));
    }
  };
  return (
    <section className="panel" aria-labelledby="limit-requests-title">
      <h2 id="limit-requests-title" className="section-title">{t('requests.title')}</h2>
      {overview.requests.length === 0 ? (
        <p className="note">{t('requests.none')}</p>
      ) : (
        <table className="data-table compact" data-testid="limit-requests">
          <thead>
            <tr>
              <th scope="col">{t('requests.askedAt')}</th>
              <th scope="col">{t('columns.debtor')}</th>
              <th scope="col">{t('requests.type')}</th>
              <th scope="col" className="numeric">{t('requests.amount')}</th>
              <th scope="col">{t('requests.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.requests.slice(0, SHOWN_REQUESTS).map((entry) => (
              <tr key={entry.id} data-state={entry.state}>
                <td>{format.dateTime(new Date(entry.createdAt))}</td>
                <td><DebtorLink debtor={overview.debtors.get(entry.debtorId)} fallback={entry.debtorId} /></td>
                <td>{t(`requestType.${entry.type}`)}</td>
                <td className="numeric">{entry.amountMinor === undefined ? '–' : format.money(money(entry.amountMinor, entry.currency))}</td>
                <td className={`wrap${entry.state === 'REJECTED' || entry.state === 'ATTENTION' ? ' is-alert' : ''}`}>{outcome(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
