import { useTranslation } from 'react-i18next';
import { ageingBuckets, DEFAULT_AGEING, type AgeingConfig } from '../../../shared/domain/ageing/ageing-config';
import { useFormat } from './use-format';

/** The names of the ageing buckets in the UI language: "Not due", "1–30 days", …, "Over 90 days". */
export function useBucketLabels(config: AgeingConfig = DEFAULT_AGEING): string[] {
  const { t } = useTranslation('common');
  const format = useFormat();
  return ageingBuckets(config).map((bucket) => {
    if (bucket.isNotDue) return t('buckets.notDue');
    if (bucket.toDays === undefined) return t('buckets.over', { days: format.number((bucket.fromDays ?? 1) - 1) });
    return t('buckets.range', { from: format.number(bucket.fromDays ?? 0), to: format.number(bucket.toDays) });
  });
}
