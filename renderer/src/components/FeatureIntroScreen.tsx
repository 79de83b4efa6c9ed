import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { ScreenHeader } from './ScreenHeader';

/** A screen that has nothing to show yet: its title, what it is for, and what will appear here. */
export function FeatureIntroScreen({ namespace }: { readonly namespace: 'dunning' }) {
  const { t } = useTranslation(namespace);
  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      <EmptyState message={t('empty')} />
    </section>
  );
}
