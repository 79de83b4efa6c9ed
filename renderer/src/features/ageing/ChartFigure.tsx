import type { ReactNode } from 'react';

/**
 * One dashboard chart with its title and explanation in a <figure>/<figcaption>, and its figures as a
 * table: visible where the exact amounts matter, otherwise visually hidden for screen readers (a chart's
 * SVG alone tells them little).
 */
export function ChartFigure({ id, title, caption, table, isTableVisible, children }: {
  readonly id: string;
  readonly title: string;
  readonly caption: ReactNode;
  readonly table: ReactNode;
  readonly isTableVisible: boolean;
  readonly children: ReactNode;
}) {
  return (
    <figure className="ageing-figure" aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption className="ageing-figure-caption">
        <h2 id={`${id}-title`} className="ageing-figure-title">
          {title}
        </h2>
        {caption}
      </figcaption>
      <div className="ageing-chart">{children}</div>
      {/* Shown, it may scroll sideways: focusable then, so the keyboard can scroll it (axe scrollable-region-focusable). */}
      <div className={isTableVisible ? 'ageing-figure-table' : 'visually-hidden'} tabIndex={isTableVisible ? 0 : undefined}>{table}</div>
    </figure>
  );
}
