import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function SyncScreen() {
  const { t } = useTranslation('sync');
  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      <EmptyState message={t('empty')} />
    </section>
  );
}
