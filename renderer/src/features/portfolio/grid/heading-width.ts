/**
 * How wide a column of the portfolio grid must be for its heading to show whole in the current language
 * (issue 17: "Dröjsmålsdagar" and "Riskklass" were cut off in Swedish). The rows are separate CSS grids, so
 * the widths must be fixed lengths the heading row and every body row share: each column is as wide as
 * its own width or its heading, whichever is wider.
 */

/** The heading's padding (0.6rem a side), the sort mark beside it and a pixel of rounding. */
const HEADING_EXTRA_PX = 32;

const cache = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** The heading font as app.css sets it (.grid-sort: 600 at 0.85rem of the root's font). */
function headingFont(): string {
  const root = getComputedStyle(document.documentElement);
  const size = Number.parseFloat(root.fontSize) * 0.85;
  return `600 ${size}px ${root.fontFamily}`;
}

/** The width in pixels the heading `label` needs; 0 where text cannot be measured (no canvas). */
export function headingWidthPx(label: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return 0;
  const font = headingFont();
  const key = `${font}\u0000${label}`;
  let width = cache.get(key);
  if (width === undefined) {
    context.font = font;
    width = Math.ceil(context.measureText(label).width) + HEADING_EXTRA_PX;
    cache.set(key, width);
  }
  return width;
}

/** A grid track: the column's own width, or its heading's if that is wider. */
export function columnTrack(widthRem: number, label: string): string {
  const heading = headingWidthPx(label);
  return heading > 0 ? `max(${widthRem}rem, ${heading}px)` : `${widthRem}rem`;
}
