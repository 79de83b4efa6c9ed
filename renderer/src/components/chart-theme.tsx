import type { ReactNode } from 'react';
import type { LegendPayload } from 'recharts';

/**
 * The charts' look. Recharts takes colours as SVG `fill`/`stroke` attributes, which the CSP allows (it
 * governs style attributes and style sheets, not presentation attributes): no inline style. Each colour
 * is a CSS custom property (`var(--chart-…)`, set in styles/app.css and, for the dark theme, styles/dark.css),
 * which presentation attributes resolve like any CSS value: the charts follow the theme the system asks
 * for, as the rest of the screen does (issue 17), without re-rendering when it changes.
 *
 * The ageing ramp runs from the accent green (not yet due) through yellow to deep red (oldest), so age
 * reads as warmth even without colour vision. Bucket colours are picked evenly from its nine steps for
 * any number of buckets the ageing configuration defines.
 */
const AGEING_RAMP_STEPS = 9;

export function bucketColour(index: number, bucketCount: number): string {
  const position = bucketCount <= 1 ? 0 : Math.round((index * (AGEING_RAMP_STEPS - 1)) / (bucketCount - 1));
  return `var(--chart-ageing-${Math.min(position, AGEING_RAMP_STEPS - 1)})`;
}

export const CHART_COLOURS = {
  insured: 'var(--chart-insured)',
  uninsured: 'var(--chart-uninsured)',
  limit: 'var(--chart-limit)',
  line: 'var(--chart-line)',
  grid: 'var(--chart-grid)',
  axis: 'var(--chart-axis)',
  /** The band behind the hovered category. */
  cursor: 'var(--chart-cursor)',
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
