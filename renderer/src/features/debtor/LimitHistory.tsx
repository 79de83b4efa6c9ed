import { useTranslation } from 'react-i18next';
import { limitInForceOn, upcomingLimitOn, type CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import { money } from '../../../../shared/money/money';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { insurerReasonText } from '../../i18n/insurer-reason';
import { useFormat } from '../../i18n/use-format';

/** Each limit with its tranches, any announced reduction, and every decision that led to it. */
export function LimitHistory({ limits, asOf }: { readonly limits: readonly CreditLimit[]; readonly asOf: IsoDate }) {
  const { t, i18n } = useTranslation(['debtor', 'limits']);
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="limits-title">
      <h2 id="limits-title" className="section-title">{t('debtor:limits.title')}</h2>
      {limits.length === 0 && <p className="note">{t('debtor:limits.none')}</p>}
      {limits.map((limit) => {
        const upcoming = upcomingLimitOn([limit], asOf);
        const amount = (minor: number) => format.money(money(minor, limit.currency));
        return (
          <article key={`${limit.source}-${limit.coverId ?? ''}`} className="limit-card">
            <h3 className="subsection-title">
              {t(`debtor:limits.source.${limit.source}`)} · {t(`limits:state.${upcoming?.source === limit.source ? 'SCHEDULED' : limit.status}`)}
            </h3>
            {limit.own && (
              <p className="note" data-testid="own-limit-basis">
                {t('debtor:limits.ownBasis', { setOn: format.date(limit.own.setOn), note: limit.own.note })}
                {limit.own.condition && limit.own.conditionDate && ` ${t(`debtor:limits.ownCondition.${limit.own.condition}`, { date: format.date(limit.own.conditionDate) })}`}
              </p>
            )}
            <p>
              {/* A decision whose start date has not come is pending with its date and amount, never "0 in force". */}
              {upcoming?.source === limit.source
                ? t('debtor:limits.scheduled', { amount: amount(upcoming.amountMinor), from: format.date(upcoming.from) })
                : t('debtor:limits.inForce', { amount: amount(limitInForceOn(limit, asOf)), decided: amount(limit.decidedAmountMinor) })}
              {limit.requestedAmountMinor !== undefined && ` ${t('debtor:limits.requested', { amount: amount(limit.requestedAmountMinor) })}`}
            </p>
            {limit.tranches.length > 0 && (
              <ul className="plain-list">
                {limit.tranches.map((tranche) => (
                  <li key={`${tranche.effectiveFrom}-${tranche.kind}-${tranche.amountMinor}`}>
                    {t(`debtor:limits.tranche.${tranche.kind}`, { amount: amount(tranche.amountMinor), from: format.date(tranche.effectiveFrom), until: tranche.expiresOn ? format.date(tranche.expiresOn) : '' })}
                  </li>
                ))}
              </ul>
            )}
            {limit.pendingChange && (
              <p className="is-alert" data-testid="pending-change">
                {t(`debtor:limits.pending.${limit.pendingChange.type}`, { amount: amount(limit.pendingChange.newAmountMinor), from: format.date(limit.pendingChange.effectiveFrom), notice: format.date(limit.pendingChange.noticeGivenOn) })}
              </p>
            )}
            {/* Known codes in the user's language; any other in the insurer's own words, marked as such. */}
            {limit.conditions.length > 0 && <p data-testid="limit-conditions">{t('debtor:limits.conditions', { list: limit.conditions.map((condition) => insurerReasonText(condition, i18n)).join('; ') })}</p>}
            {limit.reasons.length > 0 && <p className="note">{t('debtor:limits.reasons', { list: limit.reasons.map((reason) => insurerReasonText(reason, i18n)).join('; ') })}</p>}
            <table className="data-table compact" aria-label={t('debtor:limits.historyLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('debtor:limits.date')}</th>
                  <th scope="col">{t('debtor:limits.status')}</th>
                  <th scope="col" className="numeric">{t('debtor:limits.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {[...limit.history].reverse().map((entry) => (
                  <tr key={`${entry.on}-${entry.status}-${entry.amountMinor}`}>
                    <td>{format.date(entry.on)}</td>
                    <td>{t(`limits:state.${entry.status}`)}</td>
                    <td className="numeric">{amount(entry.amountMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
    </section>
  );
}
