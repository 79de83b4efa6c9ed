import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function LimitsScreen() {
  const { t } = useTranslation('limits');
  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      <EmptyState message={t('empty')} />
    </section>
  );
}
