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

export type Newline = '\n' | '\r\n' | '\r';

/** papaparse drops a byte-order mark at the start of the text it is given; so is it here. */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * The line break papaparse reads text with when none is given (its guessLineEndings, papaparse 5, MIT):
 * in the first megabyte, quoted fields taken out, "\n" if it comes before any "\r" or there is no "\r";
 * else "\r\n" if at least half the "\r" are followed by "\n"; else "\r". `input` is without its
 * byte-order mark, as papaparse guesses on it.
 */
export function guessLineEndings(input: string): Newline {
  const head = input.substring(0, 1_048_576).replace(/"([^]*?)"/gm, '');
  const r = head.split('\r');
  const n = head.split('\n');
  const nAppearsFirst = n.length > 1 && n[0]!.length < r[0]!.length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let numWithN = 0;
  for (const part of r) if (part[0] === '\n') numWithN += 1;
  return numWithN >= r.length / 2 ? '\r\n' : '\r';
}

/** Hands rows over in batches of `batchSize`, each with the line number of its first row. */
function batchRows(batchSize: number, onBatch: (rows: string[][], firstLine: number) => void) {
  let batch: string[][] = [];
  let line = 1;
  let batchStart = 1;
  return {
    add(row: string[]): void {
      batch.push(row);
      line += 1;
      if (batch.length >= batchSize) {
        onBatch(batch, batchStart);
        batch = [];
        batchStart = line;
      }
    },
    /** Hands over the last batch; the number of rows read. */
    end(): number {
      if (batch.length > 0) onBatch(batch, batchStart);
      return line - 1;
    },
  };
}

/**
 * papaparse's reading of text without a quote character (its "fast mode"): every line break ends a row,
 * every delimiter a cell; empty text has no rows. Done here line by line instead of as papaparse does it —
 * the whole text split into one array of a million lines first (kept through the whole parse, so the
 * garbage collector copied it from generation to generation), and an object per row for its step.
 */
function readUnquotedRows(input: string, delimiter: Delimiter, newline: Newline, batchSize: number, onBatch: (rows: string[][], firstLine: number) => void): number {
  const rows = batchRows(batchSize, onBatch);
  if (input === '') return rows.end();
  for (let start = 0; ; ) {
    const end = input.indexOf(newline, start);
    rows.add(input.slice(start, end < 0 ? input.length : end).split(delimiter));
    if (end < 0) break;
    start = end + newline.length;
  }
  return rows.end();
}

/** The rows of delimited text as papaparse reads them, step by step, in batches (see readDelimitedRows). */
export function readRowsWithPapaparse(text: string, delimiter: Delimiter, batchSize: number, onBatch: (rows: string[][], firstLine: number) => void): number {
  const rows = batchRows(batchSize, onBatch);
  Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, step: (result) => rows.add(result.data) });
  return rows.end();
}

/**
 * Streams the rows of delimited text in batches (a million-row export never sits in memory as one array
 * of rows), handing each batch with the line number of its first row, the rows being papaparse's. Linear:
 * text without a quote is split line by line (readUnquotedRows); text with one goes through papaparse,
 * which reads each character once (a quote it never closes runs to the end of the text, once), so time
 * and memory are bounded by the file's size, itself at most MAX_IMPORT_BYTES.
 */
export function readDelimitedRows(text: string, delimiter: Delimiter, batchSize: number, onBatch: (rows: string[][], firstLine: number) => void): number {
  const input = withoutBom(text);
  if (!input.includes('"')) return readUnquotedRows(input, delimiter, guessLineEndings(input), batchSize, onBatch);
  return readRowsWithPapaparse(text, delimiter, batchSize, onBatch);
}
