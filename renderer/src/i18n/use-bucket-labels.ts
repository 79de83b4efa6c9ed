import { useTranslation } from 'react-i18next';
import { ageingBuckets, DEFAULT_AGEING, type AgeingBucket } from '../../../shared/domain/ageing/ageing-config';
import { useFormat } from './use-format';

const DEFAULT_BUCKETS = ageingBuckets(DEFAULT_AGEING);

/**
 * The names of the ageing buckets in the UI language, made from the configured boundaries rather than
 * fixed texts: the default gives "Not due", "1–30 days" … "Over 90 days"; other boundaries label themselves.
 */
export function useBucketLabels(buckets: readonly AgeingBucket[] = DEFAULT_BUCKETS): string[] {
  const { t } = useTranslation('common');
  const format = useFormat();
  return buckets.map((bucket) => {
    if (bucket.isNotDue) return t('buckets.notDue');
    if (bucket.toDays === undefined) return t('buckets.over', { days: format.number((bucket.fromDays ?? 1) - 1) });
    if (bucket.fromDays === undefined) return t('buckets.upTo', { to: format.number(bucket.toDays) });
    return t('buckets.range', { from: format.number(bucket.fromDays), to: format.number(bucket.toDays) });
  });
}
