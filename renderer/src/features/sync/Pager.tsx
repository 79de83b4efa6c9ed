import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';

/** Previous / next through a long list, with where the controller is ("26–50 of 1,200"); nothing when one page holds it all. */
export function Pager({ page, total, perPage, onPage, label }: { readonly page: number; readonly total: number; readonly perPage: number; readonly onPage: (page: number) => void; readonly label: string }) {
  const { t } = useTranslation('sync');
  const format = useFormat();
  if (total <= perPage) return null;
  const last = Math.ceil(total / perPage) - 1;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button-small" disabled={page === 0} onClick={() => onPage(page - 1)}>{t('pager.previous')}</button>
      <span className="note">{t('pager.range', { from: format.number(page * perPage + 1), to: format.number(Math.min(total, (page + 1) * perPage)), total: format.number(total) })}</span>
      <button type="button" className="button button-small" disabled={page >= last} onClick={() => onPage(page + 1)}>{t('pager.next')}</button>
    </nav>
  );
}
