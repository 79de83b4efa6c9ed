import { guessMapping } from './guess-mapping';

const filledCells = (row: readonly string[]) => row.reduce((count, cell) => (cell.trim() === '' ? count : count + 1), 0);

/**
 * Which of a table's first rows is its header: exports often put a title, the company or a date line
 * above it ("Openstaande posten per 31-03-2026"). The header is the row whose cells name the most fields
 * Kredo knows (guessMapping), the first such row on a tie; failing any known name, the first row as wide
 * as the widest. Returns an index into `rows` (blank rows are never chosen), or -1 when every row is blank.
 * Linear in the cells of the rows given; callers pass at most HEADER_SEARCH_ROWS rows.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  let best = -1;
  let bestNamed = 0;
  let widest = -1;
  let widestCells = 0;
  rows.forEach((row, index) => {
    const cells = filledCells(row);
    if (cells === 0) return;
    if (cells > widestCells) [widest, widestCells] = [index, cells];
    const named = Object.keys(guessMapping(row).mapping).length;
    if (named > bestNamed) [best, bestNamed] = [index, named];
  });
  // Two names can be chance ("Date", "Total" in a title block); a header names more, or is the widest row.
  return bestNamed >= 3 || (best >= 0 && best === widest) ? best : widest;
}
