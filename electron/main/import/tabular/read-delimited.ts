import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t' | '|';

/**
 * The delimiter of a CSV or TSV: the one that splits the first lines into the same number of fields
 * most consistently (papaparse's guess, limited to the delimiters exports use).
 */
export function detectDelimiter(text: string): Delimiter {
  const result = Papa.parse<string[]>(text.slice(0, 64 * 1024), { delimitersToGuess: [';', ',', '\t', '|'], preview: 50 });
  const guessed = result.meta.delimiter;
  return guessed === ';' || guessed === ',' || guessed === '\t' || guessed === '|' ? guessed : ',';
}

/**
 * Streams the rows of delimited text in batches (a million-row export never sits in memory as one array
 * of rows), handing each batch with the line number of its first row.
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
