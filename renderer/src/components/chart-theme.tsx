import type { ReactNode } from 'react';
import type { LegendPayload } from 'recharts';

/**
 * The dashboard charts' look. Recharts takes colours as SVG `fill`/`stroke` attributes, which the CSP
 * allows (it governs style attributes and style sheets, not presentation attributes): no inline style.
 *
 * The ageing ramp runs from the accent green (not yet due) through yellow to deep red (oldest), so age
 * reads as warmth and darkness even without colour vision. Bucket colours are picked evenly from it for
 * any number of buckets the ageing configuration defines.
 */
const AGEING_RAMP = ['#1f7a6d', '#5a9e5f', '#9cc65b', '#d6c94a', '#f2b13e', '#ee8b3a', '#e0603a', '#c0392b', '#7b1f24'] as const;

export function bucketColour(index: number, bucketCount: number): string {
  const position = bucketCount <= 1 ? 0 : Math.round((index * (AGEING_RAMP.length - 1)) / (bucketCount - 1));
  return AGEING_RAMP[Math.min(position, AGEING_RAMP.length - 1)]!;
}

export const CHART_COLOURS = {
  insured: '#1f7a6d',
  uninsured: '#ee8b3a',
  limit: '#8a96a8',
  line: '#14213d',
  grid: '#dfe3ea',
  axis: '#5b6675',
  /** The band behind the hovered category. */
  cursor: 'rgba(20, 33, 61, 0.06)',
} as const;

/** Date axes keep their first and last labels and drop those in between that would overlap. */
export const TREND_TICKS = 'preserveStartEnd';

/**
 * Legend order: the series' own order (not yet due first), where Recharts would sort by name. Legend
 * labels get their text colour from the style sheet: in the series colour, light yellow is unreadable.
 */
export function legendOrder(series: readonly { readonly key: string }[]): (item: LegendPayload) => number {
  return (item) => series.findIndex((entry) => entry.key === item.dataKey);
}

export function legendLabel(value: unknown): ReactNode {
  return <span className="ageing-legend-label">{String(value)}</span>;
}
