import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';

/** While the data worker computes: what it is doing and, once it ages date by date, how far it is. */
export function DashboardProgress({ done, total, isUpdate }: { readonly done: number; readonly total: number; readonly isUpdate: boolean }) {
  const { t } = useTranslation('ageing');
  const { number } = useFormat();
  const label = isUpdate ? t('progress.updating') : total > 0 ? t('progress.ageing', { done: number(done), total: number(total) }) : t('progress.reading');
  return (
    <div className="import-progress" role="status" data-testid="ageing-progress">
      <label className="progress-label">
        {label}
        <progress max={total > 0 ? total : undefined} value={total > 0 ? Math.min(done, total) : undefined} />
      </label>
    </div>
  );
}
