import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function ImportsScreen() {
  const { t } = useTranslation('imports');
  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      <p className="note">{t('formats')}</p>
      <EmptyState message={t('empty')} />
    </section>
  );
}
