import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import type { ImportStep } from './import-store';

type Stage = Extract<ImportStep, { kind: 'working' }>['stage'];

/** A progress bar for the stage an import is in; reading the file can be stopped. */
export function ImportProgress({ stage, done, total, onCancel }: { readonly stage: Stage; readonly done: number; readonly total: number; readonly onCancel: (() => void) | undefined }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const label = t(`progress.${stage}`);
  return (
    <div className="import-progress">
      <label className="progress-label">
        {label}
        <progress max={total > 0 ? total : undefined} value={total > 0 ? Math.min(done, total) : undefined} aria-valuetext={total > 0 ? t('progress.count', { done: format.number(done), total: format.number(total) }) : label} />
      </label>
      {total > 0 ? <span className="note">{t('progress.count', { done: format.number(done), total: format.number(total) })}</span> : null}
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          {t('progress.cancel')}
        </button>
      ) : null}
    </div>
  );
}
