import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { useClock } from '../../app/app-clock';
import { useBootstrap } from '../../app/bootstrap-context';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { KredoApiError } from '../../platform/kredo-api';
import { DebtorLink } from './DebtorLink';
import { requestLimits } from './request-limits';
import type { LimitsOverview } from './use-limits-overview';

/** The table shows the largest shortfalls; a tier-L portfolio can have thousands of alerts. */
const SHOWN_ALERTS = 200;

/**
 * Debtors whose exposure the limit does not cover, largest shortfall first, each with the limit worth
 * asking for; tick any number of them and request in one go. Where an own discretionary limit would do,
 * the table says so (the policy's self-assessment ceiling).
 */
export function LimitAlertsSection({ overview }: { readonly overview: LimitsOverview }) {
  const { t } = useTranslation('limits');
  const format = useFormat();
  const clock = useClock();
  const { isClockFixed } = useBootstrap();
  const errorMessage = useErrorMessage();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string>();
  const [isSending, setSending] = useState(false);
  const currency = overview.policy?.currency ?? 'EUR';
  const amount = (minor: number) => format.money(money(minor, currency));
  const shown = overview.alerts.slice(0, SHOWN_ALERTS);

  const toggle = (debtorId: string, isChecked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (isChecked) next.add(debtorId);
      else next.delete(debtorId);
      return next;
    });
  const request = async () => {
    setSending(true);
    setMessage(undefined);
    try {
      const drafts = shown.filter((alert) => selected.has(alert.debtorId)).map((alert) => ({ debtorId: alert.debtorId, type: alert.requestType, amountMinor: alert.suggestedMinor, currency }));
      const outcomes = await requestLimits(drafts, clock, isClockFixed);
      const refused = outcomes.filter((outcome) => !outcome.queued);
      const reasons = refused.map((outcome) => `${overview.debtors.get(outcome.debtorId)?.name ?? outcome.debtorId}: ${errorMessage(new KredoApiError(outcome.code ?? 'internal'))}`);
      setMessage([t('alerts.queued', { count: outcomes.length - refused.length }), ...reasons].join(' '));
      setSelected(new Set());
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="limit-alerts-title">
      <h2 id="limit-alerts-title" className="section-title">{t('alerts.title', { count: overview.alerts.length })}</h2>
      {overview.alerts.length === 0 ? (
        <p className="note">{t('alerts.none')}</p>
      ) : (
        <>
          {overview.alerts.length > SHOWN_ALERTS && <p className="note">{t('alerts.largestShown', { shown: SHOWN_ALERTS, count: overview.alerts.length })}</p>}
          <table className="data-table compact" data-testid="limit-alerts">
            <thead>
              <tr>
                <th scope="col"><span className="visually-hidden">{t('alerts.select')}</span></th>
                <th scope="col">{t('columns.debtor')}</th>
                <th scope="col">{t('alerts.kind')}</th>
                <th scope="col" className="numeric">{t('columns.exposure')}</th>
                <th scope="col" className="numeric">{t('columns.limit')}</th>
                <th scope="col" className="numeric">{t('alerts.shortfall')}</th>
                <th scope="col" className="numeric">{t('alerts.suggested')}</th>
                <th scope="col">{t('alerts.discretionary')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((alert) => {
                const debtor = overview.debtors.get(alert.debtorId);
                return (
                  <tr key={alert.debtorId}>
                    <td>
                      <input type="checkbox" aria-label={t('alerts.selectDebtor', { name: debtor?.name ?? alert.debtorId })} checked={selected.has(alert.debtorId)} onChange={(event) => toggle(alert.debtorId, event.target.checked)} />
                    </td>
                    <td><DebtorLink debtor={debtor} fallback={alert.debtorId} /></td>
                    <td>{t(`alerts.kinds.${alert.kind}`)}</td>
                    <td className="numeric">{amount(alert.exposureMinor)}</td>
                    <td className="numeric">{amount(alert.limitMinor)}</td>
                    <td className="numeric is-alert">{amount(alert.shortfallMinor)}</td>
                    <td className="numeric">{t(`requestType.${alert.requestType}`)} {amount(alert.suggestedMinor)}</td>
                    <td>{alert.withinDiscretionary ? t('alerts.discretionaryYes') : t('alerts.discretionaryNo')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setSelected(new Set(shown.map((alert) => alert.debtorId)))}>{t('alerts.selectAll')}</button>
            <button type="button" className="button button-primary" disabled={selected.size === 0 || isSending} onClick={() => void request()}>
              {t('alerts.requestSelected', { count: selected.size })}
            </button>
          </div>
        </>
      )}
      {message && <p role="status" className="note">{message}</p>}
    </section>
  );
}
