import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { useImportStore, type ImportStep } from './import-store';

/** What the status column says about a file's import. */
function statusKey(step: ImportStep | undefined) {
  if (!step) return 'new';
  if (step.kind === 'mapping' || step.kind === 'ready') return 'waiting';
  return step.kind;
}

/** The files waiting to be imported, from every way in; one is open below at a time. */
export function ImportFilesTable() {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const files = useImportStore((state) => state.files);
  const steps = useImportStore((state) => state.steps);
  const activeFileId = useImportStore((state) => state.activeFileId);
  const open = useImportStore((state) => state.open);

  return (
    <table className="data-table compact import-files" aria-label={t('files.tableLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('files.columns.name')}</th>
          <th scope="col">{t('files.columns.kind')}</th>
          <th scope="col" className="numeric">{t('files.columns.size')}</th>
          <th scope="col">{t('files.columns.origin')}</th>
          <th scope="col">{t('files.columns.status')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('files.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.fileId} aria-current={file.fileId === activeFileId ? 'true' : undefined}>
            <td>{file.name}</td>
            <td>{t(`files.kinds.${file.kind}`)}</td>
            <td className="numeric">{t('files.kilobytes', { value: format.number(Math.max(1, Math.round(file.sizeBytes / 1024))) })}</td>
            <td>{t(`files.origins.${file.origin}`)}</td>
            <td>{t(`files.status.${statusKey(steps[file.fileId])}`)}</td>
            <td>
              <button type="button" className="button button-small" aria-label={t('files.openLabel', { name: file.name })} disabled={file.fileId === activeFileId} onClick={() => open(file.fileId)}>
                {t('files.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
