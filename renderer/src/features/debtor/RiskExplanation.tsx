import { useTranslation } from 'react-i18next';
import type { RiskFactor, RiskScore } from '../../../../shared/domain/risk/risk-score';
import { useFormat } from '../../i18n/use-format';

/** The risk score with every factor's points and the figures behind them, largest contribution first. */
export function RiskExplanation({ risk }: { readonly risk: RiskScore }) {
  const { t } = useTranslation(['debtor', 'portfolio']);
  const format = useFormat();
  const days = (value: number | undefined) => (value === undefined ? t('debtor:risk.none') : format.number(value, 1));
  const explain = (factor: RiskFactor): string => {
    const { facts } = factor;
    switch (factor.id) {
      case 'overdue':
        return facts['days'] ? t('debtor:risk.facts.overdue', { share: format.percent(facts['share'] ?? 0), days: format.number(facts['days']) }) : t('debtor:risk.facts.nothingOverdue');
      case 'paymentTrend':
        return facts['recentDaysLate'] === undefined ? t('debtor:risk.facts.noPayments') : t('debtor:risk.facts.paymentTrend', { recent: days(facts['recentDaysLate']), year: days(facts['yearDaysLate']) });
      case 'insurerGrade':
        return facts['grade'] === undefined ? t('debtor:risk.facts.noGrade') : t('debtor:risk.facts.grade', { grade: format.number(facts['grade']) });
      case 'utilisation':
        if (facts['hasLimit'] === 0) return t('debtor:risk.facts.noLimit');
        return facts['utilisation'] === undefined ? t('debtor:risk.facts.noExposure') : t('debtor:risk.facts.utilisation', { utilisation: format.percent(facts['utilisation']) });
      case 'disputes':
        return facts['share'] ? t('debtor:risk.facts.disputed', { share: format.percent(facts['share']) }) : t('debtor:risk.facts.noDisputes');
    }
  };
  return (
    <section className="panel" aria-labelledby="risk-title">
      <h2 id="risk-title" className="section-title">{t('debtor:risk.title')}</h2>
      <p className="risk-headline">
        <strong className={`risk-badge risk-${risk.band}`} data-testid="risk-score">{format.number(risk.score)}</strong>
        {/* The band inside a sentence is lower case ("hoog risico"), unlike the band as a filter choice ("Hoog"). */}
        <span>{t('debtor:risk.outOf', { level: t(`debtor:risk.level.${risk.band}`) })}</span>
      </p>
      <table className="data-table compact" aria-label={t('debtor:risk.factorsLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('debtor:risk.factor')}</th>
            <th scope="col" className="numeric">{t('debtor:risk.points')}</th>
            <th scope="col">{t('debtor:risk.why')}</th>
          </tr>
        </thead>
        <tbody>
          {risk.factors.map((factor) => (
            <tr key={factor.id} data-testid={`risk-factor-${factor.id}`}>
              <th scope="row">{t(`debtor:risk.factors.${factor.id}`)}</th>
              <td className="numeric">{t('debtor:risk.pointsOf', { points: format.number(factor.points), max: format.number(factor.maxPoints) })}</td>
              <td>{explain(factor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('debtor:risk.method')}</p>
    </section>
  );
}
