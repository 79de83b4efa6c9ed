/**
 * How receivables are aged (law-and-formats.md §C.1). By due date (the collection view): days past due
 * = as-of date − due date, and the first bucket is "not due" (≤ 0 days). By invoice date: age = as-of
 * date − invoice date, and the first bucket is "current" (0–30). Boundaries are inclusive upper bounds of
 * every bucket but the last: the default [0, 30, 60, 90] gives not due, 1–30, 31–60, 61–90, > 90.
 */
export type AgeingBasis = 'due-date' | 'invoice-date';

export interface AgeingConfig {
  readonly basis: AgeingBasis;
  readonly boundaries: readonly number[];
}

export const DEFAULT_AGEING: AgeingConfig = { basis: 'due-date', boundaries: [0, 30, 60, 90] };
export const DEFAULT_INVOICE_DATE_AGEING: AgeingConfig = { basis: 'invoice-date', boundaries: [30, 60, 90] };

export interface AgeingBucket {
  /** The first day in the bucket, or undefined for "and before". */
  readonly fromDays: number | undefined;
  /** The last day in the bucket, or undefined for "and later". */
  readonly toDays: number | undefined;
  /** Due-date ageing's first bucket: not yet overdue. */
  readonly isNotDue: boolean;
}

export function validateAgeingConfig(config: AgeingConfig): void {
  const { boundaries } = config;
  if (boundaries.length === 0 || boundaries.length > 12) throw new RangeError('Ageing needs 1 to 12 bucket boundaries');
  boundaries.forEach((boundary, index) => {
    if (!Number.isInteger(boundary)) throw new RangeError('Ageing boundaries are whole days');
    if (index > 0 && boundary <= boundaries[index - 1]!) throw new RangeError('Ageing boundaries must increase');
  });
  if (config.basis === 'invoice-date' && boundaries[0]! < 0) throw new RangeError('Invoice-date ageing starts at day 0');
}

export function ageingBuckets(config: AgeingConfig): AgeingBucket[] {
  validateAgeingConfig(config);
  const { boundaries } = config;
  const buckets: AgeingBucket[] = boundaries.map((to, index) => ({
    fromDays: index === 0 ? (config.basis === 'invoice-date' ? 0 : undefined) : boundaries[index - 1]! + 1,
    toDays: to,
    isNotDue: config.basis === 'due-date' && index === 0 && to <= 0,
  }));
  buckets.push({ fromDays: boundaries.at(-1)! + 1, toDays: undefined, isNotDue: false });
  return buckets;
}

/** The bucket of an age in days; a linear scan, as there are only a handful of buckets. */
export function bucketIndex(days: number, boundaries: readonly number[]): number {
  for (let index = 0; index < boundaries.length; index += 1) {
    if (days <= boundaries[index]!) return index;
  }
  return boundaries.length;
}
