import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { useLargestExposures } from '../../data/queries/use-portfolio';
import { useCountryName } from '../../i18n/use-country-name';
import { useFormat } from '../../i18n/use-format';

const SHOWN = 100;

/** The debtors carrying the most exposure, with their limit, overdue amount and payment behaviour. */
export function LargestExposuresTable({ debtorCount }: { readonly debtorCount: number }) {
  const { t } = useTranslation('portfolio');
  const format = useFormat();
  const countryName = useCountryName();
  const rows = useLargestExposures(SHOWN);
  if (!rows) return null;
  return (
    <>
      <h2 className="section-title">{t('largest.title')}</h2>
      <p className="note">{t('largest.showing', { shown: format.number(rows.length), count: debtorCount, total: format.number(debtorCount) })}</p>
      <div className="table-scroll">
        <table className="data-table" aria-label={t('tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.country')}</th>
              <th scope="col" className="numeric">{t('columns.grade')}</th>
              <th scope="col" className="numeric">{t('columns.exposure')}</th>
              <th scope="col" className="numeric">{t('columns.limit')}</th>
              <th scope="col" className="numeric">{t('columns.utilisation')}</th>
              <th scope="col" className="numeric">{t('columns.overdue')}</th>
              <th scope="col" className="numeric">{t('columns.daysOverdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ debtor, summary }) => (
              <tr key={debtor.id}>
                <td>{debtor.name}</td>
                <td>{countryName(debtor.country)}</td>
                <td className="numeric">{debtor.grade ? format.number(debtor.grade.value) : '–'}</td>
                <td className="numeric">{format.money(money(summary.exposureMinor, summary.currency))}</td>
                <td className="numeric">{format.money(money(summary.limitMinor, summary.currency))}</td>
                <td className={summary.overLimitMinor > 0 ? 'numeric is-alert' : 'numeric'}>{summary.utilisation === undefined ? '–' : format.percent(summary.utilisation)}</td>
                <td className="numeric">{format.money(money(summary.overdueMinor, summary.currency))}</td>
                <td className="numeric">{format.number(summary.maxDaysOverdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
