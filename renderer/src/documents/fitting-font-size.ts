/**
 * The largest font size (up to `preferred`) at which a table's amount columns fit the page, so that a
 * report with six buckets of nine-digit totals still prints inside the margins instead of running off
 * the right edge (pdfmake never wraps an amount, whose spaces are no-break spaces, and has no horizontal
 * scroll). Widths are estimated from the text, which pdfmake measures only later, with a little more
 * than Roboto's advance widths: digits 0.56–0.57 em (regular, medium), spaces 0.25, separators under 0.28,
 * lower-case letters and currency signs at most 0.59; anything else counts as a wide 0.75 em.
 */
export interface FontSizeFit {
  /** The widest text of each amount column, headers included (their longest word: headers may wrap). */
  readonly widestTexts: readonly string[];
  /** Page width between the margins, in pt. */
  readonly availableWidth: number;
  /** Width kept for the name column, in pt. */
  readonly nameWidth: number;
  /** Horizontal padding of every column, in pt. */
  readonly columnPadding: number;
  readonly preferred: number;
  readonly minimum: number;
}

export function fittingFontSize(fit: FontSizeFit): number {
  const columnCount = fit.widestTexts.length + 1;
  const ems = fit.widestTexts.reduce((sum, text) => sum + estimatedEms(text), 0);
  if (ems === 0) return fit.preferred;
  const room = fit.availableWidth - fit.nameWidth - columnCount * fit.columnPadding;
  const size = Math.floor((room / ems) * 4) / 4; // quarter points keep sizes tidy
  return Math.max(fit.minimum, Math.min(fit.preferred, size));
}

const SPACE = /\s/;
const SEPARATOR = /[.,:;'’]/;
const DIGIT = /\d/;
const NARROW = /[a-z\-−+€£$%()]/;

function estimatedEms(text: string): number {
  let ems = 0;
  for (const char of text) {
    if (SPACE.test(char)) ems += 0.26;
    else if (SEPARATOR.test(char)) ems += 0.29;
    else if (DIGIT.test(char)) ems += 0.58;
    else ems += NARROW.test(char) ? 0.6 : 0.75;
  }
  return ems;
}

/** The longer of two texts by character count; for picking each column's widest text in one pass. */
export function longer(a: string, b: string): string {
  return b.length > a.length ? b : a;
}

/** The longest word of a header, the narrowest it can be once pdfmake wraps it. */
export function longestWord(text: string): string {
  return text.split(/\s+/).reduce(longer, '');
}
