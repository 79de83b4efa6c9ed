import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rateTableRows, type UserRateRow } from '../../../../shared/domain/law/rate-table-merge';
import type { LetterRateKind } from '../../../../shared/domain/law/rate-table-coverage';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { useFormat } from '../../i18n/use-format';

/** Rows shown before "Show all": the current rate and the few before it are what a controller checks. */
const FIRST_ROWS = 6;

/**
 * One statutory-interest table: its rows newest first, each with its rate, source and status — in force,
 * added by the controller, shipped, not confirmed (VERIFY), or replaced by the controller's row.
 */
export function RateTableList({ kind, userRows, today, onRemove }: { readonly kind: LetterRateKind; readonly userRows: readonly UserRateRow[]; readonly today: IsoDate; readonly onRemove: (id: string) => void }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const [showAll, setShowAll] = useState(false);
  const rows = rateTableRows(kind, userRows, today);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  const title = t(`interestRates.kinds.${kind}.title`);
  return (
    <>
      <h3>{title}</h3>
      <p className="note">{t(`interestRates.kinds.${kind}.rule`)}</p>
      <table className="data-table compact" aria-label={title} data-testid={`rate-table-${kind}`}>
        <thead>
          <tr>
            <th scope="col">{t(kind === 'UK_BASE_RATE' ? 'interestRates.columns.changedOn' : 'interestRates.columns.from')}</th>
            <th scope="col">{t('interestRates.columns.rate')}</th>
            <th scope="col">{t('interestRates.columns.source')}</th>
            <th scope="col">{t('interestRates.columns.status')}</th>
            <th scope="col"><span className="visually-hidden">{t('interestRates.columns.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={`${row.origin}:${row.validFrom}`}>
              <th scope="row">{format.date(row.validFrom)}</th>
              <td className="number">{format.basisPoints(row.rateBp)}</td>
              <td>{row.source ?? '–'}</td>
              <td>
                {[
                  row.inForce && t('interestRates.status.inForce'),
                  row.origin === 'user' ? t('interestRates.status.yours') : t('interestRates.status.shipped'),
                  row.verify && t('interestRates.status.notConfirmed'),
                  row.replaced && t('interestRates.status.replaced'),
                ].filter(Boolean).join(' · ')}
              </td>
              <td>{row.userRowId ? <button type="button" className="button" onClick={() => onRemove(row.userRowId!)}>{t('interestRates.remove')}</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > FIRST_ROWS ? (
        <button type="button" className="button" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? t('interestRates.showFewer') : t('interestRates.showAll', { count: rows.length })}
        </button>
      ) : null}
    </>
  );
}
