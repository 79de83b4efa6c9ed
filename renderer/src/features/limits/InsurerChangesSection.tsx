import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { daysBetween } from '../../../../shared/time/iso-date';
import { useClock } from '../../app/app-clock';
import type { InsurerLimitChange } from '../../data/sync/apply-insurer-covers';
import { useFormat } from '../../i18n/use-format';
import { DebtorLink } from './DebtorLink';
import type { LimitsOverview } from './use-limits-overview';

/**
 * What the insurer changed, newest first (the notifications' list), and the reductions and withdrawals it
 * has announced: cover on new deliveries ends on their effective date, so they come with the days left.
 */
export function InsurerChangesSection({ overview }: { readonly overview: LimitsOverview }) {
  const { t } = useTranslation('limits');
  const format = useFormat();
  const today = useClock().today();
  const amount = (minor: number, currency: string) => format.money(money(minor, currency));
  const describe = (change: InsurerLimitChange) => {
    const now = `${t(`state.${change.status}`)} ${amount(change.amountMinor, change.currency)}`;
    const before = change.previousStatus === undefined ? t('changes.new') : `${t(`state.${change.previousStatus}`)} ${amount(change.previousAmountMinor ?? 0, change.currency)}`;
    const pending = change.pendingChange ? ` ${t(`changes.pending.${change.pendingChange.type}`, { amount: amount(change.pendingChange.newAmountMinor, change.currency), date: format.date(change.pendingChange.effectiveFrom) })}` : '';
    return `${before} → ${now}.${pending}`;
  };
  return (
    <>
      <section className="panel" aria-labelledby="reductions-title">
        <h2 id="reductions-title" className="section-title">{t('reductions.title', { count: overview.reductions.length })}</h2>
        {overview.reductions.length === 0 ? (
          <p className="note">{t('reductions.none')}</p>
        ) : (
          <table className="data-table compact" data-testid="pending-reductions">
            <thead>
              <tr>
                <th scope="col">{t('columns.debtor')}</th>
                <th scope="col">{t('reductions.type')}</th>
                <th scope="col" className="numeric">{t('reductions.current')}</th>
                <th scope="col" className="numeric">{t('reductions.newAmount')}</th>
                <th scope="col">{t('reductions.effective')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.reductions.map((limit) => {
                const change = limit.pendingChange!;
                const daysLeft = daysBetween(today, change.effectiveFrom);
                return (
                  <tr key={`${limit.debtorId}-${limit.coverId ?? ''}`}>
                    <td><DebtorLink debtor={overview.debtors.get(limit.debtorId)} fallback={limit.debtorId} /></td>
                    <td>{t(`reductions.types.${change.type}`)}</td>
                    <td className="numeric">{amount(limit.decidedAmountMinor, limit.currency)}</td>
                    <td className="numeric is-alert">{amount(change.newAmountMinor, limit.currency)}</td>
                    <td>{daysLeft > 0 ? t('reductions.inDays', { date: format.date(change.effectiveFrom), count: daysLeft }) : t('reductions.inForce', { date: format.date(change.effectiveFrom) })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="insurer-changes-title">
        <h2 id="insurer-changes-title" className="section-title">{t('changes.title')}</h2>
        {overview.changes.length === 0 ? (
          <p className="note">{t('changes.none')}</p>
        ) : (
          <ul className="plain-list" data-testid="insurer-changes">
            {overview.changes.map((change, index) => (
              <li key={`${change.at}-${change.debtorId}-${index}`}>
                <span className="note">{format.dateTime(new Date(change.at))}</span> <DebtorLink debtor={overview.debtors.get(change.debtorId)} fallback={change.debtorName} />: {describe(change)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
