import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t' | '|';

export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

/** Lines looked at to tell the delimiter. */
const DETECTION_LINES = 50;

/**
 * The delimiter of a CSV or TSV: the one that splits the first non-empty lines into the same number of
 * fields (at least two) most consistently; on a tie, the one giving more fields. Empty lines do not vote:
 * papaparse's own guess counted a final newline as a line of one field, so a tab-separated export with
 * decimal commas (every row split alike by its commas) came out as comma-separated. The most common field
 * count, not the first line's, is the reference, so a title line above the header does not decide either.
 * Each candidate is one quote-aware pass over at most 64 KB: linear.
 */
export function detectDelimiter(text: string): Delimiter {
  const head = text.length > 65_536 ? text.slice(0, text.lastIndexOf('\n', 65_536) + 1 || 65_536) : text;
  let best: { delimiter: Delimiter; share: number; fields: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(head, { delimiter, preview: DETECTION_LINES, skipEmptyLines: 'greedy' });
    const counts = new Map<number, number>();
    for (const row of data) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let fields = 0;
    let lines = 0;
    for (const [count, times] of counts) if (times > lines || (times === lines && count > fields)) [fields, lines] = [count, times];
    if (fields < 2) continue;
    const share = lines / data.length;
    if (!best || share > best.share || (share === best.share && fields > best.fields)) best = { delimiter, share, fields };
  }
  return best?.delimiter ?? ',';
}

/**
 * Streams the rows of delimited text in batches (a million-row export never sits in memory as one array
 * of rows), handing each batch with the line number of its first row. Linear: papaparse reads each
 * character once (a quote it never closes runs to the end of the text, once), so time and memory are
 * bounded by the file's size, itself at most MAX_IMPORT_BYTES.
 */
export function readDelimitedRows(text: string, delimiter: Delimiter, batchSize: number, onBatch: (rows: string[][], firstLine: number) => void): number {
  let batch: string[][] = [];
  let line = 1;
  let batchStart = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      batch.push(result.data);
      line += 1;
      if (batch.length >= batchSize) {
        onBatch(batch, batchStart);
        batch = [];
        batchStart = line;
      }
    },
  });
  if (batch.length > 0) onBatch(batch, batchStart);
  return line - 1;
}
